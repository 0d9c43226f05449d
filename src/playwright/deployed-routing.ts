import type { Contract } from '../contract/contract.js'
import { loadDeployedRouting, type DeployedRouting, type DeployedRoutingOptions } from '../routing/deployed-rule-set.js'
import type { FixedResponse, RuleSet } from '../routing/rule-set.js'
import type { Target } from '../targets/target.js'

// The deployed rules in place of routing.yaml: CONTRACT_ROUTING_RULES=<file|folder>[,<file>…],
// CONTRACT_ROUTING_SERVICES=<tg>=<service>,…, CONTRACT_ROUTING_HOSTS=<name>=<hostname>,…
// (default: the hostnames of the target's base URLs). Same meaning as `contractwright routing`.
export const RULES_VARIABLE = 'CONTRACT_ROUTING_RULES'
// what global setup found in the rules, for the workers (they identify the load balancer's own pages by it)
const PAGES_VARIABLE = 'CONTRACT_ROUTING_PAGES'

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)

/** The options from the environment; undefined when CONTRACT_ROUTING_RULES is not set or CONTRACT_ROUTING_HOSTS names no host of the contract. */
export function deployedRoutingOptions(env: NodeJS.ProcessEnv, target?: Target, contract?: Contract): DeployedRoutingOptions | undefined {
  const rules = list(env[RULES_VARIABLE])
  if (rules.length === 0) return undefined
  // one variable serves a suite of several contracts: each takes the hosts it has
  const all = list(env.CONTRACT_ROUTING_HOSTS)
  const given = contract ? all.filter((h) => !h.includes('=') || contract.hosts.includes(h.split('=')[0]!)) : all
  if (all.length > 0 && given.length === 0) return undefined
  const fromTarget = target && contract
    ? contract.hosts.flatMap((h) => (target.baseUrls[h] ? [`${h}=${new URL(target.baseUrls[h]!).hostname}`] : []))
    : []
  return { rules, hosts: given.length > 0 ? given : fromTarget, services: list(env.CONTRACT_ROUTING_SERVICES) }
}

/** Loads the deployed rules for one contract; errors name the variable as well as the file. */
export async function loadRoutingFromEnv(contract: Contract, file: string, env: NodeJS.ProcessEnv, target?: Target): Promise<DeployedRouting | undefined> {
  const options = deployedRoutingOptions(env, target, contract)
  if (!options) return undefined
  try {
    return await loadDeployedRouting(contract, file, options)
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message} (from ${RULES_VARIABLE}=${env[RULES_VARIABLE]})`
    throw error
  }
}

/** Global setup: the load balancer's own answers in the deployed rules, handed to every worker. */
export function publishDeployedPages(ruleSets: readonly RuleSet[], env: NodeJS.ProcessEnv): void {
  const pages = ruleSets.flatMap((rs) => rs.listeners.flatMap((l) => [l.default, ...l.rules].flatMap((a) => (a.fixedResponse ? [a.fixedResponse] : []))))
  env[PAGES_VARIABLE] = JSON.stringify(pages)
}

export function deployedPages(env: NodeJS.ProcessEnv): FixedResponse[] {
  try {
    return env[PAGES_VARIABLE] ? (JSON.parse(env[PAGES_VARIABLE]) as FixedResponse[]) : []
  } catch {
    return []
  }
}
