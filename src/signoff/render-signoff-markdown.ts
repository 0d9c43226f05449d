import type { OperationVerdict, Signoff } from './signoff.js'
import type { Waiver } from './waiver.js'

/** The sign-off as a page: verdict first, then why, then the evidence, most useful first. */
export function renderSignoffMarkdown(s: Signoff): string {
  const out: string[] = []
  out.push(`# Release sign-off: ${text(s.target.name)} — ${s.verdict}`, '', `**${s.verdict}** · ${text(s.summary.slice(s.verdict.length + 2))}`, '')
  out.push(
    `- **Target:** ${code(s.target.name)}`,
    `- **Commit:** ${s.commit ? `${code(s.commit.sha.slice(0, 12))}${s.commit.dirty ? ' (working tree had uncommitted changes)' : ''}` : 'unknown (not a git checkout)'}`,
    `- **Run:** started ${utc(s.run.startTime)}, took ${duration(s.run.durationMs)}`,
    `- **Signed off:** ${utc(s.generatedAt)}`,
    `- **Results:** ${code(s.run.results)}${s.run.projects.length > 0 ? `, projects ${s.run.projects.map(code).join(', ')}` : ''}`,
    '',
  )
  if (s.reasons.length > 0) out.push('## Why NO-GO', '', ...s.reasons.map((r) => `- ${text(r)}`), '')
  out.push('## Areas', '', ...table(['Area', 'Verdict', 'Passed', 'Failed', 'Not run', 'Note'], s.areas.map((a) => [
    `${text(a.name)}${a.tags.length > 0 ? ` <sub>${a.tags.map((t) => `@${t}`).join(' ')}</sub>` : ''}`,
    mark(a.verdict), String(a.passed), String(a.failed), String(a.skipped), text(a.why ?? ''),
  ])), '')
  out.push(`## Failures (${s.failures.length})`, '')
  if (s.failures.length === 0) out.push('No test failed.', '')
  s.failures.forEach((f, i) => {
    const waiver = f.waiver ? `waived until ${f.waiver.expires} by ${text(f.waiver.owner)}: ${text(f.waiver.reason)}`
      : f.expiredWaiver ? `**not waived**: the waiver expired on ${f.expiredWaiver.expires}` : '**not waived**'
    out.push(`${i + 1}. **${text(f.incident?.id ?? 'unclassified')}** · ${code(f.title)}`)
    if (f.incident?.summary) out.push(`   <br>${text(f.incident.summary)}`)
    const where = [f.caseId ? `case ${code(f.caseId)}` : '', f.project ? `project ${code(f.project)}` : '', waiver].filter((p) => p !== '')
    out.push(`   <br>${text(f.message)}`, `   <br><sub>${where.join(' · ')}</sub>`, '')
  })
  const waivers: Array<[Waiver, string]> = [
    ...s.waivers.applied.map((w): [Waiver, string] => [w, 'applied']),
    ...s.waivers.unused.map((w): [Waiver, string] => [w, 'valid, unused']),
    ...s.waivers.expired.map((w): [Waiver, string] => [w, 'expired']),
  ]
  out.push('## Waivers', '')
  if (waivers.length === 0) out.push('No waivers.', '')
  else out.push(...table(['Test', 'Incident', 'Owner', 'Expires', 'Status', 'Reason'], waivers.map(([w, status]) => [
    code(w.test), text(w.incident ?? 'any'), text(w.owner), w.expires, status, text(w.reason),
  ])), '')
  const { operations: ops, statuses } = s.coverage
  out.push('## Coverage', '', `- Operations exercised: **${ops.covered} of ${ops.total}** (${percent(ops.covered, ops.total)})`,
    `- Declared statuses observed: **${statuses.covered} of ${statuses.total}** (${percent(statuses.covered, statuses.total)})`, '')
  out.push('## Target', '', ...table(['Host', 'Base URL'], Object.entries(s.target.baseUrls).map(([h, u]) => [text(h), code(u)])), '')
  out.push('## Contracts', '', ...table(['Contract', 'Version', 'File', 'SHA-256'], s.contracts.map((c) => [text(c.title), text(c.version), code(c.file), code(c.hash)])), '')
  out.push('## Operations', '')
  for (const c of s.contracts) {
    const mine = s.operations.filter((o) => o.contract === c.file).sort((a, b) => rank(a) - rank(b))
    const n = (v: OperationVerdict['verdict']) => mine.filter((o) => o.verdict === v).length
    const waived = n('passed with waivers') > 0 ? ` · ${n('passed with waivers')} passed with waivers` : ''
    out.push(`### ${text(c.title)} <sub>${n('passed')} passed${waived} · ${n('failed')} failed · ${n('not run')} not run</sub>`, '')
    out.push(...table(['Verdict', 'Operation', 'Tests', 'Statuses', 'Note'], mine.map((o) => [
      mark(o.verdict), `${code(`${o.method} ${o.path}`)}<br><sub>${text(o.operationId)}</sub>`, `${o.passed}/${o.failed}/${o.skipped}`,
      `${o.statuses.declared.length - o.statuses.missing.length}/${o.statuses.declared.length}`, text(o.why ?? ''),
    ])), '', '<sub>Tests: passed/failed/not run. Statuses: declared statuses seen in this run / declared.</sub>', '')
  }
  return `${out.join('\n').trimEnd()}\n`
}

const RANK = { failed: 0, 'not run': 1, 'passed with waivers': 2, passed: 3 } as const
const rank = (o: OperationVerdict) => RANK[o.verdict]

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)]
}

function mark(verdict: string): string {
  return verdict === 'failed' ? '**FAILED**' : verdict === 'not run' ? '_not run_' : verdict
}

/** Plain text for a table cell or list item: one line, Markdown and HTML specials escaped. */
function text(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
}

function code(value: string): string {
  const clean = value.replace(/\s*\n\s*/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')
  return `\`${clean}\``
}

function utc(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}

function percent(n: number, total: number): string {
  return total === 0 ? 'n/a' : `${Math.floor((n / total) * 1000) / 10}%`
}
