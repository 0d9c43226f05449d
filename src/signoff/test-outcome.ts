/**
 * The subset of Playwright's JSON reporter output the sign-off reads (reporter `json`, also what
 * `playwright merge-reports --reporter=json` writes for a sharded run).
 */
export interface JsonReport {
  suites: JsonSuite[]
  errors?: Array<{ message?: string }>
  stats: { startTime: string; duration: number; expected?: number; unexpected?: number; skipped?: number; flaky?: number }
}
export interface JsonSuite { title: string; specs?: JsonSpec[]; suites?: JsonSuite[] }
export interface JsonSpec { title: string; tags?: string[]; tests: JsonTest[] }
export interface JsonAnnotation { type: string; description?: string }
export interface JsonTest {
  projectName?: string
  annotations?: JsonAnnotation[]
  status: 'expected' | 'unexpected' | 'skipped' | 'flaky'
  results: Array<{ status?: string; duration?: number; errors?: Array<{ message?: string }>; error?: { message?: string }; annotations?: JsonAnnotation[] }>
}

/** One exchange a test recorded (annotation `cw-exchange`); `contract` is the contract file (older runs: its title). */
export interface RecordedExchange { contract: string; operationId: string; status: number }

/** An operation a generated test belongs to (annotation `cw-operation`: `<contract file>#<operationId>`). */
export interface OperationRef { contract: string; operationId: string }

/** One test in one project, reduced to what a sign-off judges. */
export interface TestOutcome {
  title: string
  project: string
  caseId: string | undefined // annotation `case`: generated tests only
  tags: string[] // without '@'
  outcome: 'passed' | 'failed' | 'skipped'
  why: string | undefined // skip reason, or 'flaky: ...'
  incident: { id: string; summary: string } | undefined
  message: string | undefined // the first informative line of the first error
  operations: OperationRef[]
  exchanges: RecordedExchange[]
  untestable: string | undefined // `pointer: reason`
}

const ANSI = /\u001b\[[0-9;]*m/g

/** Every test of the report, depth first in report order. */
export function toTestOutcomes(report: JsonReport): TestOutcome[] {
  const out: TestOutcome[] = []
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) out.push(toOutcome(spec, test))
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report.suites) walk(suite)
  return out
}

function toOutcome(spec: JsonSpec, test: JsonTest): TestOutcome {
  const last = test.results[test.results.length - 1]
  // runtime annotations (cw-exchange, incident) land on the result; static ones on the test
  const annotations = dedupe([...(test.annotations ?? []), ...(last?.annotations ?? [])])
  const all = (type: string) => annotations.filter((a) => a.type === type).map((a) => a.description ?? '')
  const incident = all('incident')[0]
  const colon = incident?.indexOf(':') ?? -1
  const error = last?.errors?.[0]?.message ?? last?.error?.message
  // a flaky test passed only on retry: a sign-off counts it as a failure, never as a pass
  const outcome = test.status === 'expected' ? 'passed' : test.status === 'skipped' ? 'skipped' : 'failed'
  return {
    title: spec.title,
    project: test.projectName ?? '',
    caseId: all('case')[0],
    tags: (spec.tags ?? []).map((t) => t.replace(/^@/, '')),
    outcome,
    why: test.status === 'flaky' ? 'flaky: failed, then passed on retry' : outcome === 'skipped' ? all('skip')[0] || 'skipped' : undefined,
    incident: incident === undefined ? undefined : colon > 0
      ? { id: incident.slice(0, colon).trim(), summary: incident.slice(colon + 1).trim() }
      : { id: incident.trim(), summary: '' },
    message: error === undefined ? undefined : firstLine(error, spec.title),
    operations: all('cw-operation').flatMap((d) => (d.lastIndexOf('#') > 0 ? [{ contract: d.slice(0, d.lastIndexOf('#')), operationId: d.slice(d.lastIndexOf('#') + 1) }] : [])),
    exchanges: all('cw-exchange').flatMap(parseExchange),
    untestable: all('untestable')[0],
  }
}

/**
 * The first line that says something (Playwright's first line often only repeats the test title),
 * with the first `expected` / `actual` pair of a contractwright failure message when there is one.
 */
export function firstLine(message: string, title: string): string | undefined {
  const lines = message.replace(ANSI, '').split('\n').map((l) => l.trim().replace(/^Error:\s*/, '')).filter((l) => l !== '')
  const first = lines.find((l) => l !== title) ?? lines[0]
  const label = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.slice(name.length).trim()
  const [expected, actual] = [label('expected'), label('actual')]
  return first !== undefined && expected !== undefined && actual !== undefined ? `${first}: expected ${expected}, got ${actual}` : first
}

function parseExchange(description: string): RecordedExchange[] {
  try {
    const x = JSON.parse(description) as Partial<RecordedExchange>
    return typeof x.operationId === 'string' ? [{ contract: String(x.contract ?? ''), operationId: x.operationId, status: Number(x.status) }] : []
  } catch {
    return []
  }
}

function dedupe(list: JsonAnnotation[]): JsonAnnotation[] {
  const seen = new Set<string>()
  return list.filter((a) => {
    const key = `${a.type}\u0000${a.description ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
