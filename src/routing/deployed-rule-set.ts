import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Contract } from '../contract/contract.js'
import { ConfigError } from '../errors.js'
import { loadDeployedRules } from './import/load-deployed-rules.js'
import { toRuleSet } from './import/map-services.js'
import { parseRoutingFile, type RuleSet } from './rule-set.js'

export interface DeployedRoutingOptions {
  /** files or folders: a routing.yaml, AWS JSON, Terraform or Ingress */
  rules: readonly string[]
  /** `--host <name>=<hostname>` or, for a one-host contract, `--host <hostname>`; limits the check to these hosts */
  hosts?: readonly string[]
  /** `--service <target-group-or-backend>=<service>` */
  services?: readonly string[]
  /** the rule set of a routing.yaml given as --rules */
  ruleSetName?: string
}

export interface DeployedRouting {
  ruleSet: RuleSet
  /** host name → Host header, for the hosts to check */
  hosts: Record<string, string>
  warnings: string[]
}

/** The deployed rules as a rule set over the contract's services and hosts (CLI and suites alike). */
export async function loadDeployedRouting(contract: Contract, contractFile: string, options: DeployedRoutingOptions): Promise<DeployedRouting> {
  const deployed = await loadDeployedRules(options.rules, options.ruleSetName)
  const hosts = hostMapping(contract, contractFile, options.hosts ?? [], deployed.hosts)
  const services = Object.fromEntries((options.services ?? []).map((entry) => {
    const at = entry.lastIndexOf('=')
    if (at <= 0 || at === entry.length - 1) throw new ConfigError(`--service ${entry}: write <target-group-or-backend>=<service>`)
    return [entry.slice(0, at), entry.slice(at + 1)]
  }))
  const known = Object.keys(contract.services)
  const { ruleSet, warnings } = toRuleSet(deployed, { services, known, ...(known.length === 1 ? { sole: known[0]! } : {}), hosts })
  return { ruleSet, hosts, warnings }
}

// --host first; else the routing.yaml given or beside the contract; else the contract's servers
function hostMapping(contract: Contract, contractFile: string, given: readonly string[], fromRules: Record<string, string> | undefined): Record<string, string> {
  if (given.length > 0) {
    const out: Record<string, string> = {}
    for (const entry of given) {
      const [name, hostname] = entry.includes('=') ? entry.split('=', 2) as [string, string] : [undefined, entry]
      const host = name ?? (contract.hosts.length === 1 ? contract.hosts[0] : undefined)
      if (host === undefined) throw new ConfigError(`--host ${entry}: the contract serves several hosts (${contract.hosts.join(', ')}); write --host <name>=<hostname>`)
      if (!contract.hosts.includes(host)) throw new ConfigError(`--host ${entry}: "${host}" is not a host of the contract (hosts: ${contract.hosts.join(', ')})`)
      out[host] = hostname
    }
    return out
  }
  if (fromRules) return fromRules
  const beside = join(dirname(contractFile), 'routing.yaml')
  if (existsSync(beside)) return parseRoutingFile(readFileSync(beside, 'utf8'), beside).hosts
  return Object.fromEntries(contract.hosts.map((h) => [h, serverHostname(contract, h)]))
}

function serverHostname(contract: Contract, host: string): string {
  const server = contract.servers.find((s) => s.host === host && /^https?:\/\//.test(s.url)) ?? contract.servers.find((s) => /^https?:\/\//.test(s.url))
  return server ? new URL(server.url.replace(/\{[^}]+\}/g, 'x')).hostname : 'localhost'
}
