import type { ContractCoverage } from './coverage.js'

/** The run summary: one line per contract, then what is missing. `failing` when a contract is under `min`. */
export function renderCoverage(coverage: readonly ContractCoverage[], min: number): { text: string; failing: boolean } {
  const lines = ['Contract coverage (operations exercised / selected; declared statuses seen)']
  let failing = false
  for (const c of coverage) {
    if (c.selected === 0 && c.operations.every((o) => o.state === 'not in this run')) continue
    const inRun = c.operations.filter((o) => o.state !== 'not in this run')
    const declared = inRun.reduce((n, o) => n + o.declared.length, 0)
    const unseen = inRun.reduce((n, o) => n + o.neverSeen.length, 0)
    const pct = (c.ratio * 100).toFixed(1)
    const under = c.ratio < min
    failing ||= under
    lines.push(`  ${c.title}: ${c.exercised}/${c.selected} operations (${pct}%)${under ? ` — below ${(min * 100).toFixed(0)}%` : ''}; statuses seen ${declared - unseen}/${declared}`)
    for (const state of ['not exercised', 'untestable', 'not run: read-only target'] as const) {
      const ops = c.operations.filter((o) => o.state === state)
      if (ops.length > 0) lines.push(`    ${state} (${ops.length}): ${ops.slice(0, 12).map((o) => o.operationId).join(', ')}${ops.length > 12 ? ', …' : ''}`)
    }
  }
  if (lines.length === 1) return { text: '', failing: false } // nothing from a contract ran
  if (failing) lines.push('contractwright: operation coverage is below the threshold; every operation needs at least one executed case (see reports/coverage.json)')
  return { text: lines.join('\n'), failing }
}
