import { findDuplicates } from './duplicates.js'
import { pagesOf, totalOf, type GatewayWalk } from './walk.js'

/** One row of the report: a gateway's walk, its alias verdict and what was found. */
export interface CatalogRow {
  walk: GatewayWalk
  /** alias names checked against this gateway, and whether each answered the same catalog */
  aliases: Array<{ name: string; ok: boolean }>
  findings: string[]
}

export interface TableSummary {
  elapsedMs: number
  requests: number
  concurrency: number
  limit: number
  throttled: number
}

// Pipes would end a Markdown cell; newlines would end the row.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The gateway table of issue 7, Markdown: attached to the report and printed once. */
export function renderTable(rows: readonly CatalogRow[], s: TableSummary): string {
  const head = ['gateway', 'total claimed', 'items reached', 'unique', 'duplicates', 'aliases ok', 'status']
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i > 0 && i < 5 ? '---:' : '---')).join('|')}|`]
  for (const { walk, aliases, findings } of rows) {
    const pages = pagesOf(walk)
    const listed = walk.chain[0]?.answer.page !== undefined
    const reached = pages.flat().length
    const unique = new Set(pages.flat()).size
    const dupes = findDuplicates(pages).length
    const echoed = walk.chain[0]?.answer.page?.gateway
    const name = echoed && echoed !== walk.gateway ? `${walk.gateway} (→ ${echoed})` : walk.gateway
    const aliasCell = aliases.length === 0 ? '–' : aliases.map((a) => `${a.ok ? 'yes' : 'NO'} (${a.name})`).join(', ')
    const status = findings.length === 0 ? 'ok' : `FAIL: ${findings.join('; ')}`
    const num = (n: number | undefined) => (listed && n !== undefined ? String(n) : '–')
    lines.push(`| ${[name, num(totalOf(walk)), num(reached), num(unique), num(dupes), aliasCell, status].map(cell).join(' | ')} |`)
  }
  const failed = rows.filter((r) => r.findings.length > 0).length
  const seconds = (s.elapsedMs / 1000).toFixed(1)
  const throttled = s.throttled > 0 ? `, ${s.throttled} × 429 honoured` : ''
  return [
    `## Gatewayz catalog: ${rows.length} gateways, ${failed} failing`,
    '',
    ...lines,
    '',
    `Walked in ${seconds} s: ${s.requests} requests, limit ${s.limit}, concurrency ${s.concurrency}${throttled}.`,
    '',
  ].join('\n')
}
