import type { RoutingFinding } from './find-shadowing.js'

const SHOWN_ALSO = 8

/**
 * One line per cause (same kind, host and rules), not one per operation: 70 operations behind one
 * missing rule are one thing to fix. The JSON report keeps every finding.
 */
export function groupFindings(findings: readonly RoutingFinding[], label?: string): string[] {
  const groups = new Map<string, RoutingFinding[]>()
  for (const f of findings) {
    const key = [f.kind, f.hostname ?? f.host, f.listener, f.winningRule?.priority, f.shadowedRule?.priority, f.actual].join('|')
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  const lines: string[] = []
  for (const [first, ...rest] of groups.values()) {
    lines.push(`${(label ?? first!.kind).padEnd(10)} ${first!.message}`)
    if (rest.length === 0) continue
    const shown = rest.slice(0, SHOWN_ALSO).map((f) => `${f.method} ${f.path} (${f.operationId})`).join(', ')
    lines.push(`${''.padEnd(10)} and ${rest.length} more for the same cause: ${shown}${rest.length > SHOWN_ALSO ? ', … (contractwright routing --json lists all)' : ''}`)
  }
  return lines
}
