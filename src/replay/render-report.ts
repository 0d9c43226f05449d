import { agreementOf, type AgreementReport } from './agreement.js'
import type { Difference } from './compare-exchange.js'
import { redactHeaders, redactUrl, redactValue } from './redact.js'
import type { ExchangeOutcome, ReplayResult } from './replay.js'

const EXCERPT = 300

/** One line per difference: `#12 runs/create: key set missing .run.inputs; extra -` and the like. */
export function describeDifference(o: ExchangeOutcome, d: Difference): string {
  if (d.field === 'key set') {
    const missing = (d.expected as string[]).join(', ') || 'missing -'
    const extra = (d.actual as string[]).join(', ') || 'extra -'
    return `#${o.index} ${o.recorded.title}: key set ${missing}; ${extra}`
  }
  return `#${o.index} ${o.recorded.title}: ${d.field} expected ${JSON.stringify(d.expected)}, actual ${JSON.stringify(d.actual)}`
}

/** Every difference of a judged exchange as one line each (skipped exchanges are listed apart). */
export function disagreementLines(result: ReplayResult): string[] {
  return result.outcomes.filter((o) => o.skipped === undefined).flatMap((o) => o.differences.map((d) => describeDifference(o, d)))
}

/** The agreement table per endpoint kind (lowest first) and the overall line. */
export function renderAgreementTable(report: AgreementReport): string {
  const width = Math.max(13, ...report.byKind.map((k) => k.kind.length))
  const row = (kind: string, a: { agreed: number; total: number; percent: number }) =>
    `${kind.padEnd(width)}  ${`${a.agreed}/${a.total}`.padStart(7)}  ${a.percent.toFixed(1).padStart(5)}%`
  return [
    `${'endpoint kind'.padEnd(width)}  ${'agree'.padStart(7)}  ${'share'.padStart(6)}`,
    ...report.byKind.map((k) => row(k.kind, k)),
    row('overall', report.overall),
  ].join('\n')
}

/** The human report: table, then each disagreeing exchange with its request, expected and actual answer. */
export function renderReport(result: ReplayResult, { maxDisagreements = 50 } = {}): string {
  const report = agreementOf(result.outcomes)
  const failing = result.outcomes.filter((o) => o.skipped === undefined && o.differences.length > 0)
  const skipped = result.outcomes.filter((o) => o.skipped !== undefined)
  const lines = [
    `replay ${result.file} against ${redactUrl(result.target)}: ${report.overall.agreed}/${report.overall.total} exchanges agree (${report.overall.percent.toFixed(1)}%)` +
      (report.overall.skipped ? `, ${report.overall.skipped} not judged (listed below)` : ''),
    '',
    renderAgreementTable(report),
  ]
  if (failing.length > 0) lines.push('', `disagreements (${failing.length}):`)
  for (const o of failing.slice(0, maxDisagreements)) {
    lines.push('', ...o.differences.map((d) => describeDifference(o, d)))
    lines.push(`  request:  ${o.sent.method} ${redactUrl(o.sent.url)}${o.sent.body === null ? '' : ` ${excerpt(redactValue(o.sent.body))}`}`)
    lines.push(`  expected: ${o.recorded.status} ${o.recorded.contentType} ${excerpt(redactValue(o.recorded.response))}`)
    lines.push(`  actual:   ${o.actual.status} ${o.actual.contentType} ${excerpt(redactValue(o.actual.body))}`)
  }
  if (failing.length > maxDisagreements) lines.push('', `… and ${failing.length - maxDisagreements} more (use --json for all)`)
  if (skipped.length > 0) lines.push('', `not judged (${skipped.length}):`)
  for (const o of skipped) {
    lines.push(`#${o.index} ${o.recorded.title}: ${o.skipped}`)
    for (const d of o.differences) lines.push(`  ${describeDifference(o, d).replace(/^#\d+ .*?: (?=(status|content type|key set|error_code|value|\/))/, '')}`)
  }
  return lines.join('\n')
}

/** The machine-readable report, redacted like the text one. */
export function reportJson(result: ReplayResult): unknown {
  const report = agreementOf(result.outcomes)
  return {
    file: result.file,
    target: redactUrl(result.target),
    overall: report.overall,
    byKind: report.byKind,
    notJudged: result.outcomes.filter((o) => o.skipped !== undefined).map((o) => ({ index: o.index, title: o.recorded.title, kind: o.kind, reason: o.skipped, differences: o.differences })),
    disagreements: result.outcomes.filter((o) => o.skipped === undefined && o.differences.length > 0).map((o) => ({
      index: o.index,
      title: o.recorded.title,
      kind: o.kind,
      differences: o.differences,
      request: { method: o.sent.method, url: redactUrl(o.sent.url), headers: redactHeaders(o.sent.headers), body: redactValue(o.sent.body) },
      expected: { status: o.recorded.status, contentType: o.recorded.contentType, body: redactValue(o.recorded.response) },
      actual: { status: o.actual.status, contentType: o.actual.contentType, body: redactValue(o.actual.body) },
    })),
  }
}

function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const flat = (text ?? '').replace(/\s+/g, ' ')
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat
}
