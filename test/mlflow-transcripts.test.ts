// Conformance: replays the recorded MLflow transcripts (test/fixtures/mlflow-transcripts, README there)
// against a fresh mock per version; status, error_code, key sets and stable values must agree.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createMlflowService, type MlflowVersion } from '../mocks/services/mlflow/index.js'

interface RecordedExchange {
  title: string
  method: string
  path: string
  request: null | string | Record<string, unknown>
  requestContentType: null | string
  status: number
  contentType: string
  response: unknown
}

// values that identify nothing run-specific, so they must match too (README §4 "optionally assert")
const STABLE_KEYS = new Set(['version', 'current_stage', 'status', 'lifecycle_stage', 'name', 'next_page_token', 'file_size',
  'is_dir', 'path', 'alias', 'aliases', 'key', 'value', 'description', 'run_name', 'user_id', 'run_link', 'error_code'])

function keyPaths(v: unknown, p = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((e) => keyPaths(e, `${p}[]`, out))
  else if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      out.add(`${p}.${k}`)
      keyPaths(c, `${p}.${k}`, out)
    }
  }
  return out
}

/** Stable leaf values per key path, sorted, so array order does not matter. */
function stableValues(v: unknown, p = '', out = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(v)) v.forEach((e) => stableValues(e, `${p}[]`, out))
  else if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      const path = `${p}.${k}`
      if (STABLE_KEYS.has(k) && (typeof c !== 'object' || Array.isArray(c))) {
        out.set(path, [...(out.get(path) ?? []), JSON.stringify(c)].sort())
      } else stableValues(c, path, out)
    }
  }
  return out
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim()
}

function buildRequest(x: RecordedExchange, substitute: (s: string) => string): Request {
  const headers: Record<string, string> = {}
  let body: string | undefined
  if (x.request !== null) {
    body = substitute(typeof x.request === 'string' ? x.request : JSON.stringify(x.request))
    const type = typeof x.request === 'string' ? x.requestContentType : 'application/json'
    if (type && type !== '(none)') headers['Content-Type'] = type
  }
  const request = new Request(`http://mlflow.test${substitute(x.path)}`, { method: x.method, headers, body })
  // a string body makes fetch add text/plain; the "(none)" marker means no Content-Type at all (#85)
  if (x.requestContentType === '(none)') request.headers.delete('content-type')
  return request
}

async function replay(transcript: MlflowVersion, mock: MlflowVersion): Promise<{ total: number; disagreements: string[] }> {
  const file = new URL(`./fixtures/mlflow-transcripts/probe-${transcript}.json`, import.meta.url)
  const { exchanges } = JSON.parse(readFileSync(file, 'utf8')) as { exchanges: RecordedExchange[] }
  const service = createMlflowService({ settings: { version: mock } })
  const ids = new Map<string, string>() // recorded → live
  const substitute = (s: string): string => [...ids].reduce((acc, [from, to]) => acc.replaceAll(from, to), s)
  const disagreements: string[] = []
  for (const [i, x] of exchanges.entries()) {
    const fail = (field: string, expected: unknown, actual: unknown): void =>
      void disagreements.push(`#${i + 1} ${x.title}: ${field} expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)}`)
    const response = await service.handle(buildRequest(x, substitute))
    const text = await response.text()
    if (response.status !== x.status) fail('status', x.status, response.status)
    const type = mediaType(response.headers.get('content-type'))
    if (type !== mediaType(x.contentType)) fail('content type', mediaType(x.contentType), type)
    if (mediaType(x.contentType) !== 'application/json' || type !== 'application/json') continue
    const live: unknown = JSON.parse(text)
    const recorded = x.response as Record<string, unknown>
    if (recorded.error_code !== undefined && recorded.error_code !== (live as Record<string, unknown>).error_code) {
      fail('error_code', recorded.error_code, (live as Record<string, unknown>).error_code)
    }
    const [want, got] = [keyPaths(recorded), keyPaths(live)]
    const missing = [...want].filter((k) => !got.has(k))
    const extra = [...got].filter((k) => !want.has(k))
    if (missing.length || extra.length) fail('key set', `missing ${missing.join(', ') || '-'}`, `extra ${extra.join(', ') || '-'}`)
    const [wantValues, gotValues] = [stableValues(recorded), stableValues(live)]
    for (const [path, values] of wantValues) {
      const actual = gotValues.get(path)
      if (actual && JSON.stringify(actual) !== JSON.stringify(values)) fail(`value ${path}`, values, actual)
    }
    // learn the ids the flow reuses: run ids are random, experiment ids and versions are allocated alike
    const liveRun = (live as { run?: { info?: { run_id?: string } } }).run?.info?.run_id
    const recordedRun = (recorded as { run?: { info?: { run_id?: string } } }).run?.info?.run_id
    if (recordedRun && liveRun && recordedRun !== liveRun && !ids.has(recordedRun)) ids.set(recordedRun, liveRun)
    const liveExperiment = (live as { experiment_id?: string }).experiment_id
    const recordedExperiment = recorded.experiment_id as string | undefined
    if (recordedExperiment && liveExperiment && recordedExperiment !== liveExperiment) {
      fail('experiment_id', recordedExperiment, liveExperiment) // the mock must allocate like MLflow ("1" after "0")
    }
  }
  return { total: exchanges.length, disagreements }
}

for (const version of ['2.17.0', '3.1.2.dev0'] as const) {
  test(`mlflow mock › replays the ${version} transcript exchange by exchange`, async () => {
    const { total, disagreements } = await replay(version, version)
    const failed = new Set(disagreements.map((d) => d.split(' ')[0]))
    console.log(`${version}: ${total - failed.size}/${total} exchanges agree`)
    assert.equal(total, 97, 'the transcript holds 97 exchanges')
    assert.deepEqual(disagreements, [], `${failed.size} exchanges disagree:\n${disagreements.join('\n')}`)
  })
}

// the comparison itself must be able to fail: each version profile disagrees with the other transcript
// exactly where README §5 lists a key-set or body difference
test('mlflow mock › a 3.1.2.dev0 mock disagrees with the 2.17.0 transcript at the documented differences', async () => {
  const { disagreements } = await replay('2.17.0', '3.1.2.dev0')
  const exchanges = [...new Set(disagreements.map((d) => d.split(' ')[0]))]
  assert.deepEqual(exchanges, ['#11', '#28', '#63', '#75', '#77'])
  assert.match(disagreements.join('\n'), /#11 runs\/create: key set expected "missing -", actual "extra \.run\.inputs"/)
})

test('mlflow mock › a 2.17.0 mock disagrees with the 3.1.2.dev0 transcript at the documented differences', async () => {
  const { disagreements } = await replay('3.1.2.dev0', '2.17.0')
  assert.deepEqual([...new Set(disagreements.map((d) => d.split(' ')[0]))], ['#11', '#28', '#63', '#75', '#77'])
})
