import { describeAction, describeConditions } from './describe-rule.js'
import { matchHostPattern } from './match-pattern.js'
import type { Listener, Rule, RuleSet } from './rule-set.js'

export type DriftKind = 'missing' | 'extra' | 'priority' | 'target' | 'default'

export interface Drift {
  kind: DriftKind
  listener: string
  message: string
}

/**
 * Where a hand-written rule set and the deployed one disagree, listener by listener (paired by the
 * hosts checked). Rules are the same rule when their conditions are; then priority and action must agree.
 */
export function compareRuleSets(written: RuleSet, deployed: RuleSet, hostnames: readonly string[]): Drift[] {
  const drift: Drift[] = []
  const paired = new Set<Listener>()
  for (const hostname of hostnames) {
    const mine = written.listeners.find((l) => l.hosts.some((h) => matchHostPattern(h, hostname)))
    const theirs = deployed.listeners.find((l) => l.hosts.some((h) => matchHostPattern(h, hostname)))
    if (!mine || !theirs || paired.has(mine)) continue
    paired.add(mine)
    const where = `listener "${mine.name}", deployed "${theirs.name}"`
    const add = (kind: DriftKind, message: string) => drift.push({ kind, listener: mine.name, message: `${kind}: ${message} (${where})` })
    const byConditions = new Map(theirs.rules.map((r) => [conditionsKey(r), r]))
    const matched = new Set<Rule>()
    for (const rule of mine.rules) {
      const other = byConditions.get(conditionsKey(rule))
      if (!other) { add('missing', `rule ${rule.priority} (${describeConditions(rule)}) → ${describeAction(rule)} is not deployed`); continue }
      matched.add(other)
      if (other.priority !== rule.priority) add('priority', `rule (${describeConditions(rule)}) has priority ${rule.priority} in ${written.file}, ${other.priority} deployed${other.name ? ` (${other.name})` : ''}`)
      if (describeAction(other) !== describeAction(rule)) add('target', `rule ${rule.priority} (${describeConditions(rule)}) → ${describeAction(rule)} in ${written.file}, → ${describeAction(other)} deployed`)
    }
    for (const other of theirs.rules.filter((r) => !matched.has(r))) {
      add('extra', `deployed rule ${other.priority}${other.name ? ` ${other.name}` : ''} (${describeConditions(other)}) → ${describeAction(other)} is not in ${written.file}`)
    }
    if (describeAction(mine.default) !== describeAction(theirs.default)) add('default', `the default is ${describeAction(mine.default)} in ${written.file}, ${describeAction(theirs.default)} deployed`)
  }
  return drift
}

function conditionsKey(rule: Rule): string {
  const sorted = (v: string[] | undefined) => [...(v ?? [])].map((s) => s.toLowerCase()).sort().join(',')
  return `${sorted(rule.hosts)}|${[...(rule.paths ?? [])].sort().join(',')}|${sorted(rule.methods)}`
}
