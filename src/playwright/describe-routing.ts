import { findShadowing } from '../routing/find-shadowing.js'
import { groupFindings } from '../routing/group-findings.js'
import { onHosts, toRoutedOperations } from '../routing/routed-operation.js'
import { contractFor } from './contract-runtime.js'
import { loadRoutingFromEnv, RULES_VARIABLE } from './deployed-routing.js'
import { expect, test } from './fixtures.js'

/**
 * With CONTRACT_ROUTING_RULES set: one test that resolves every operation through the deployed
 * rules, on the target's hosts, before any answer is read (the same check as `contractwright routing`).
 */
export function describeDeployedRouting(file: string): void {
  const rules = process.env[RULES_VARIABLE]
  if (!rules) return
  test(`routing › the deployed rules (${rules}) route every operation of ${file} to its service`, { tag: ['@routing', '@readonly'] }, async ({ target }) => {
    const contract = contractFor(file)
    const routing = await loadRoutingFromEnv(contract, file, process.env, target)
    test.skip(!routing, `not run: CONTRACT_ROUTING_HOSTS names no host of ${file} (hosts: ${contract.hosts.join(', ')})`)
    if (!routing) return
    for (const w of routing.warnings) test.info().annotations.push({ type: 'routing-warning', description: w })
    const findings = findShadowing(routing.ruleSet, onHosts(toRoutedOperations(contract.operations), routing.hosts))
    expect(groupFindings(findings), `${findings.length} routing finding(s) in ${rules}`).toEqual([])
  })
}
