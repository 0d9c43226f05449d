import type { OperationVerdict, SignoffContract } from './signoff.js'
import type { TestOutcome } from './test-outcome.js'

/**
 * One verdict per contract operation. A test belongs to an operation by its `cw-operation`
 * annotation, its generated title (results written before that annotation existed), or the
 * exchanges it recorded (hand-written scenarios can touch several operations).
 */
export function operationVerdicts(contracts: readonly SignoffContract[], tests: readonly TestOutcome[], waived: (t: TestOutcome) => boolean = () => false): OperationVerdict[] {
  // annotations name a contract by the file given to describeContract (older runs: by title)
  const contractOf = (ref: string) => contracts.find((c) => clean(c.file) === clean(ref) || c.title === ref)?.file ?? ref
  const byTitle = new Map<string, string[]>()
  for (const c of contracts) for (const [title, id] of Object.entries(c.titles)) byTitle.set(title, [...(byTitle.get(title) ?? []), key(c.file, id)])
  const testsOf = new Map<string, TestOutcome[]>()
  const observed = new Map<string, Set<number>>()
  for (const t of tests) {
    const keys = new Set(t.operations.length > 0 ? t.operations.map((o) => key(contractOf(o.contract), o.operationId)) : byTitle.get(t.title) ?? [])
    for (const x of t.exchanges) {
      const k = key(contractOf(x.contract), x.operationId)
      keys.add(k)
      observed.set(k, (observed.get(k) ?? new Set<number>()).add(x.status))
    }
    for (const k of keys) testsOf.set(k, [...(testsOf.get(k) ?? []), t])
  }
  const verdicts: OperationVerdict[] = []
  for (const c of contracts) {
    for (const op of c.operations) {
      const mine = testsOf.get(key(c.file, op.id)) ?? []
      const count = (o: TestOutcome['outcome']) => mine.filter((t) => t.outcome === o).length
      const failed = mine.filter((t) => t.outcome === 'failed')
      const open = failed.filter((t) => !waived(t))
      const verdict = open.length > 0 ? 'failed' : failed.length > 0 ? 'passed with waivers' : count('passed') > 0 ? 'passed' : 'not run'
      const declared = op.statuses.filter((s) => s !== 'default')
      const seen = [...(observed.get(key(c.file, op.id)) ?? [])].sort((a, b) => a - b)
      const covered = declared.filter((s) => seen.some((n) => statusMatches(s, n)))
      verdicts.push({
        contract: c.file, operationId: op.id, method: op.method, path: op.path, verdict,
        passed: count('passed'), failed: failed.length, skipped: count('skipped'),
        why: failed.length > 0 ? `${failureWhy(open[0] ?? failed[0]!)}${open.length === 0 ? ' (waived)' : ''}` : verdict === 'not run' ? notRunWhy(mine) : undefined,
        statuses: { declared, observed: seen.map(String), missing: declared.filter((s) => !covered.includes(s)) },
      })
    }
  }
  return verdicts
}

function clean(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
}

function key(contract: string, operationId: string): string {
  return `${contract}\u0000${operationId}`
}

/** '200' matches 200, '4XX' matches any 4xx (OpenAPI status ranges). */
function statusMatches(declared: string, status: number): boolean {
  return /^\dXX$/i.test(declared) ? String(status)[0] === declared[0] : Number(declared) === status
}

function failureWhy(t: TestOutcome): string {
  return t.incident ? `${t.incident.id}: ${t.incident.summary}` : t.message ?? t.why ?? 'failed'
}

function notRunWhy(tests: readonly TestOutcome[]): string {
  if (tests.length === 0) return 'no test in this run'
  const untestable = tests.find((t) => t.untestable !== undefined)?.untestable
  if (untestable !== undefined) return `untestable: ${untestable.slice(untestable.indexOf(': ') + 2)}`
  const reasons = [...new Set(tests.map((t) => t.why ?? 'skipped'))]
  return reasons.join('; ')
}
