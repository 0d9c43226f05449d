import { describeFixedResponse, describeRule } from './describe-rule.js'
import { patternCovers } from './pattern-covers.js'
import { probePaths } from './probe-paths.js'
import { matchPathPattern } from './match-pattern.js'
import { matchingRules, resolveRoute } from './resolve-route.js'
import type { Listener, Rule, RuleSet } from './rule-set.js'

/** What the static check needs of an operation; `hosts` are host NAMES from routing.yaml `hosts`. */
export interface RoutedOperation {
  operationId: string
  method: string
  path: string
  service: string
  via?: string
  hosts: string[]
}

export type RoutingFindingKind = 'misrouted' | 'not-routed' | 'shadowed' | 'unserved'

export interface RoutingFinding {
  kind: RoutingFindingKind
  operationId: string
  method: string
  /** Host name (`api`) and the Host header it maps to (`api.hokus.ai`, absent when unknown). */
  host: string
  hostname?: string
  /** The concrete probe path that was resolved. */
  path: string
  /** The service the load balancer must pick (`via ?? service`) and the one it picks. */
  expected: string
  actual?: string
  listener?: string
  winningRule?: Rule
  shadowedRule?: Rule
  message: string
}

/**
 * Resolves every operation on every host it is served on and reports what goes wrong.
 * Shadowed: a later rule targeting the right service matches, but an earlier rule wins, either
 * to the wrong service or covering the later rule entirely (a dead rule). Findings are data.
 */
export function findShadowing(ruleSet: RuleSet, operations: readonly RoutedOperation[]): RoutingFinding[] {
  const findings: RoutingFinding[] = []
  const seen = new Set<string>()
  for (const op of operations) {
    for (const host of op.hosts) {
      for (const path of probePaths(op.path)) {
        const finding = checkOne(ruleSet, op, host, path)
        if (!finding) continue
        const key = [op.operationId, host, finding.kind, finding.winningRule?.priority, finding.shadowedRule?.priority].join('|')
        if (seen.has(key)) continue
        seen.add(key)
        findings.push(finding)
      }
    }
  }
  return findings
}

function checkOne(ruleSet: RuleSet, op: RoutedOperation, host: string, path: string): RoutingFinding | undefined {
  const expected = op.via ?? op.service
  const method = op.method.toUpperCase()
  const base = { operationId: op.operationId, method, host, path, expected }
  const request = `${method} ${path}`
  const hostname = ruleSet.hosts[host]
  if (hostname === undefined) {
    const known = Object.keys(ruleSet.hosts).join(', ')
    return { ...base, kind: 'unserved', message: `unserved: ${op.operationId} is served on host "${host}", which ${ruleSet.file} hosts does not name (known: ${known})` }
  }
  const route = resolveRoute(ruleSet, hostname, path, method)
  if (route.kind === 'unserved') {
    return { ...base, kind: 'unserved', hostname, message: `unserved: ${request} (${op.operationId}): ${route.message}` }
  }
  const at = { ...base, hostname, listener: route.listener.name }
  if (route.kind === 'fixed-response') {
    const answer = describeFixedResponse(route.fixedResponse)
    const by = route.rule ? `is answered by ${describeRule(route.rule)} of listener "${route.listener.name}"` : `matches no rule of listener "${route.listener.name}"`
    return { ...at, kind: 'not-routed', ...(route.rule ? { winningRule: route.rule } : {}), message: `not routed: ${request} on ${hostname} ${by}; the load balancer answers ${answer} (${op.operationId}, contract says ${expected})` }
  }
  const winner = route.rule
  const shadowed = winner && findShadowedRule(route.listener, winner, hostname, path, method, expected, route.target !== expected)
  if (winner && shadowed) {
    const wrong = route.target === expected ? '' : `: it goes to ${route.target}, contract says ${expected}`
    return { ...at, kind: 'shadowed', actual: route.target, winningRule: winner, shadowedRule: shadowed, message: `${describeRule(winner)} shadows ${describeRule(shadowed)} for ${request} on ${hostname} (${op.operationId})${wrong}` }
  }
  if (route.target !== expected) {
    const by = winner ? describeRule(winner) : `the default of listener "${route.listener.name}"`
    return { ...at, kind: 'misrouted', actual: route.target, ...(winner ? { winningRule: winner } : {}), message: `misrouted: ${request} on ${hostname} goes to ${route.target} by ${by}, contract says ${expected} (${op.operationId})` }
  }
  return undefined
}

function findShadowedRule(listener: Listener, winner: Rule, hostname: string, path: string, method: string, expected: string, winnerWrong: boolean): Rule | undefined {
  const later = matchingRules(listener, hostname, path, method).filter((r) => r.priority > winner.priority && r.target === expected)
  return later.find((rule) => winnerWrong || covers(winner, rule, listener, path))
}

// The winner makes `rule` dead for this path family when it matches at least everything `rule` does.
function covers(winner: Rule, rule: Rule, listener: Listener, path: string): boolean {
  if (winner.hosts) {
    const ruleHosts = rule.hosts ?? listener.hosts
    if (!ruleHosts.every((h) => winner.hosts!.some((w) => patternCovers(w, h, true)))) return false
  }
  if (winner.methods && !(rule.methods ?? []).every((m) => winner.methods!.includes(m))) return false
  if (winner.methods && !rule.methods) return false
  if (winner.paths) {
    if (!rule.paths) return false
    const matched = rule.paths.filter((p) => matchPathPattern(p, path))
    if (!matched.every((p) => winner.paths!.some((w) => patternCovers(w, p)))) return false
  }
  return true
}
