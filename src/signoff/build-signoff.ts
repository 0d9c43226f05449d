import { operationVerdicts } from './operation-verdicts.js'
import { defaultAreas, type Area, type AreaVerdict, type Signoff, type SignoffFailure, type SignoffInput } from './signoff.js'
import { toTestOutcomes, type TestOutcome } from './test-outcome.js'
import { isExpired, waiverMatches } from './waiver.js'

/**
 * Results + waivers + contracts → the sign-off. Pure. NO-GO on any failure without a valid waiver,
 * on errors outside tests (a crashed web server, a broken config), and on a run where nothing ran.
 */
export function buildSignoff(input: SignoffInput): Signoff {
  const tests = toTestOutcomes(input.report)
  const valid = input.waivers.filter((w) => !isExpired(w, input.now))
  const expired = input.waivers.filter((w) => isExpired(w, input.now))
  const failures: SignoffFailure[] = tests.filter((t) => t.outcome === 'failed').map((t) => ({
    title: t.title, project: t.project, caseId: t.caseId, incident: t.incident,
    message: t.message ?? t.why ?? 'failed (no message)',
    waiver: valid.find((w) => waiverMatches(w, t)),
    expiredWaiver: expired.find((w) => waiverMatches(w, t)),
  }))
  const open = failures.filter((f) => !f.waiver)
  const runErrors = (input.report.errors ?? []).map((e) => e.message?.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'error')
  const ran = tests.filter((t) => t.outcome !== 'skipped').length
  const reasons: string[] = []
  if (open.length > 0) reasons.push(`${plural(open.length, 'failure')} without a valid waiver: ${incidentCounts(open)}`)
  const lapsed = open.filter((f) => f.expiredWaiver)
  if (lapsed.length > 0) reasons.push(`${plural(lapsed.length, 'failure')} had a waiver that expired (${[...new Set(lapsed.map((f) => f.expiredWaiver!.expires))].join(', ')})`)
  if (runErrors.length > 0) reasons.push(`the run reported ${plural(runErrors.length, 'error')} outside tests: ${runErrors[0]}`)
  if (ran === 0) reasons.push('no test ran')
  const verdict = reasons.length === 0 ? 'GO' : 'NO-GO'
  const skipped = tests.length - ran
  const waived = failures.length - open.length
  const operations = operationVerdicts(input.contracts, tests, (t) => failures.some((f) => f.waiver && f.title === t.title && f.project === t.project))
  const declared = operations.reduce((n, o) => n + o.statuses.declared.length, 0)
  const missing = operations.reduce((n, o) => n + o.statuses.missing.length, 0)
  return {
    verdict,
    summary: `${verdict}: ${plural(tests.length, 'test')}, ${ran - failures.length} passed, ${failures.length} failed`
      + `${waived > 0 ? ` (${waived} waived)` : ''}, ${skipped} not run`,
    reasons,
    target: input.target,
    commit: input.commit,
    generatedAt: input.now.toISOString(),
    run: {
      startTime: input.report.stats.startTime, durationMs: Math.round(input.report.stats.duration), results: input.results,
      projects: [...new Set(tests.map((t) => t.project))].filter((p) => p !== ''),
    },
    contracts: input.contracts.map(({ file, title, version, hash }) => ({ file, title, version, hash })),
    totals: { tests: tests.length, passed: ran - failures.length, failed: failures.length, waived, skipped },
    areas: (input.areas ?? defaultAreas).map((a) => areaVerdict(a, tests, failures)),
    operations,
    coverage: {
      operations: { covered: operations.filter((o) => o.passed + o.failed > 0).length, total: operations.length },
      statuses: { covered: declared - missing, total: declared },
    },
    failures,
    waivers: {
      applied: valid.filter((w) => failures.some((f) => f.waiver === w)),
      expired,
      unused: valid.filter((w) => !failures.some((f) => f.waiver === w)),
    },
    runErrors,
  }
}

function areaVerdict(area: Area, all: readonly TestOutcome[], failures: readonly SignoffFailure[]): AreaVerdict {
  const tests = area.tags.length === 0 ? all : all.filter((t) => t.tags.some((tag) => area.tags.includes(tag)))
  const failed = failures.filter((f) => tests.some((t) => t.title === f.title && t.project === f.project))
  const passed = tests.filter((t) => t.outcome === 'passed').length
  const skipped = tests.filter((t) => t.outcome === 'skipped').length
  const selector = area.tags.length === 0 ? 'every test' : area.tags.map((t) => `@${t}`).join(' ')
  if (failed.some((f) => !f.waiver)) {
    const waived = failed.filter((f) => f.waiver).length
    const why = `${incidentCounts(failed.filter((f) => !f.waiver))}${waived > 0 ? ` · ${waived} waived` : ''}`
    return { name: area.name, tags: area.tags, verdict: 'failed', passed, failed: failed.length, skipped, why }
  }
  if (passed + failed.length === 0) {
    const why = tests.length === 0 ? `no test tagged ${selector} in this run` : `all ${tests.length} skipped: ${[...new Set(tests.map((t) => t.why))].join('; ')}`
    return { name: area.name, tags: area.tags, verdict: 'not run', passed, failed: 0, skipped, why }
  }
  return {
    name: area.name, tags: area.tags, verdict: failed.length > 0 ? 'passed with waivers' : 'passed', passed, failed: failed.length, skipped,
    why: failed.length > 0 ? `${plural(failed.length, 'waived failure')}` : undefined,
  }
}

/** `auth-regression ×2, unclassified ×1`: what a platform engineer reads first. */
function incidentCounts(failures: readonly SignoffFailure[]): string {
  const counts = new Map<string, number>()
  for (const f of failures) counts.set(f.incident?.id ?? 'unclassified', (counts.get(f.incident?.id ?? 'unclassified') ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ×${n}`).join(', ')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
