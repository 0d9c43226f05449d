import { findShadowing, type RoutedOperation, type RoutingFinding } from './find-shadowing.js'
import { describeAction } from './describe-rule.js'
import { matchHostPattern } from './match-pattern.js'
import { probePaths } from './probe-paths.js'
import { resolveRoute } from './resolve-route.js'
import type { Listener, Rule, RoutingFile, RuleSet } from './rule-set.js'

export interface RoutingDocPlatform {
  name: string
  routing: RoutingFile
  operations: readonly RoutedOperation[]
}

const SAMPLE_IDS = 3

/** docs/ROUTING.md: per platform and rule set, who serves what, and every finding. Pure and deterministic. */
export function renderRoutingDoc(platforms: readonly RoutingDocPlatform[], regenerate: string): string {
  const sorted = [...platforms].sort((a, b) => a.name.localeCompare(b.name))
  const lines = [
    '# Routing',
    '',
    `Generated from \`contracts/*/routing.yaml\` and the contracts; do not edit. Regenerate: \`${regenerate}\`.`,
    '',
    'Each table lists, per host, the listener rules in evaluation order (lowest priority first, first match',
    'wins) and the contract operations each rule serves. Findings are from `findShadowing`.',
    '',
    '| platform | rule set | findings |',
    '|---|---|---|',
  ]
  for (const p of sorted) {
    for (const set of ruleSetsInOrder(p.routing)) {
      const label = set.name === p.routing.defaultName ? `${set.name} (default)` : set.name
      lines.push(`| ${p.name} | [${label}](#${anchor(p.name, set.name)}) | ${findShadowing(set, p.operations).length} |`)
    }
  }
  for (const p of sorted) {
    lines.push('', `## ${p.name}`, '', `Hosts: ${Object.entries(p.routing.hosts).map(([n, h]) => `\`${n}\` = ${h}`).join(', ')}.`)
    for (const set of ruleSetsInOrder(p.routing)) lines.push('', ...renderRuleSet(p, set))
  }
  return `${lines.join('\n')}\n`
}

function ruleSetsInOrder(routing: RoutingFile): RuleSet[] {
  const names = Object.keys(routing.ruleSets).sort((a, b) => a.localeCompare(b))
  const ordered = [routing.defaultName, ...names.filter((n) => n !== routing.defaultName)]
  return ordered.map((n) => routing.ruleSets[n]!).filter(Boolean)
}

function anchor(platform: string, ruleSet: string): string {
  return `${platform}-${ruleSet}`.toLowerCase().replace(/[^a-z0-9-]/g, '')
}

function renderRuleSet(p: RoutingDocPlatform, set: RuleSet): string[] {
  const isDefault = set.name === p.routing.defaultName
  const lines = [
    `<a id="${anchor(p.name, set.name)}"></a>`,
    `### ${p.name} › ${set.name}${isDefault ? ' (default)' : ''}`,
    '',
    oneLine(set.description),
    '',
    `Source: ${oneLine(set.source)}`,
    '',
    '| host | listener | priority | conditions | service | operations served |',
    '|---|---|---|---|---|---|',
  ]
  const served = attribute(set, p.operations)
  for (const listener of set.listeners) {
    for (const hostname of listener.hosts) {
      for (const rule of listener.rules.filter((r) => !r.hosts || r.hosts.some((h) => matchHostPattern(h, hostname)))) {
        lines.push(row(hostname, listener, String(rule.priority), codeConditions(rule), describeAction(rule), served.get(key(hostname, listener, rule))))
      }
      const action = describeAction(listener.default)
      lines.push(row(hostname, listener, 'default', '(no rule matched)', action, served.get(key(hostname, listener, undefined))))
    }
  }
  const findings = findShadowing(set, p.operations)
  lines.push('', findings.length === 0 ? 'Findings: none.' : `Findings (${findings.length}):`)
  if (findings.length > 0) lines.push('', ...sortFindings(findings).map((f) => `- ${f.message}`))
  return lines
}

function row(hostname: string, listener: Listener, priority: string, conditions: string, service: string, ids: string[] | undefined): string {
  const sortedIds = [...(ids ?? [])].sort((a, b) => a.localeCompare(b))
  const sample = sortedIds.slice(0, SAMPLE_IDS).join(', ')
  const more = sortedIds.length > SAMPLE_IDS ? ', …' : ''
  const cell = sortedIds.length === 0 ? '0' : `${sortedIds.length}: ${sample}${more}`
  return `| ${hostname} | ${listener.name} | ${priority} | ${conditions} | ${service} | ${cell} |`
}

// Which rule (or listener default) answers each operation on each of its hosts, keyed by host+listener+rule.
function attribute(set: RuleSet, operations: readonly RoutedOperation[]): Map<string, string[]> {
  const served = new Map<string, string[]>()
  for (const op of operations) {
    for (const host of op.hosts) {
      const hostname = set.hosts[host]
      if (hostname === undefined) continue
      const route = resolveRoute(set, hostname, probePaths(op.path)[0]!)
      if (route.kind === 'unserved') continue
      const listenerHost = route.listener.hosts.find((h) => matchHostPattern(h, hostname)) ?? hostname
      const k = key(listenerHost, route.listener, route.rule)
      served.set(k, [...(served.get(k) ?? []), op.operationId])
    }
  }
  return served
}

function key(hostname: string, listener: Listener, rule: Rule | undefined): string {
  return `${hostname.toLowerCase()}|${listener.name}|${rule?.priority ?? 'default'}`
}

function sortFindings(findings: RoutingFinding[]): RoutingFinding[] {
  return [...findings].sort((a, b) => a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message))
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function codeConditions(rule: Rule): string {
  const code = (values: string[] | undefined) => values?.map((v) => `\`${v}\``).join(', ')
  return [code(rule.hosts), code(rule.paths)].filter(Boolean).join(' + ')
}
