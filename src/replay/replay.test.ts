import { test } from 'node:test'
import assert from 'node:assert/strict'
import { agreementOf } from './agreement.js'
import { endpointKind } from './endpoint-kind.js'
import { parseRecording } from './load-recording.js'
import { disagreementLines, renderReport, reportJson } from './render-report.js'
import { replayRecording } from './replay.js'

const RUN = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const recording = parseRecording('t.json', { exchanges: [
  { title: 'create', method: 'POST', path: '/runs/create', request: {}, requestContentType: 'application/json', status: 200, contentType: 'application/json', response: { run_id: RUN } },
  { title: 'get', method: 'GET', path: `/runs/get?run_id=${RUN}`, request: null, requestContentType: null, status: 200, contentType: 'application/json', response: { run: { id: RUN, name: 'n' } } },
  { title: 'missing', method: 'GET', path: '/runs/get?run_id=nope', request: null, requestContentType: null, status: 404, contentType: 'application/json', response: { error_code: 'RESOURCE_DOES_NOT_EXIST' } },
] })

// a tiny server: allocates its own run id, knows only that run
function server({ extraKey = false, code = 'RESOURCE_DOES_NOT_EXIST' } = {}) {
  const live = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
  const seen: Request[] = []
  const handle = async (request: Request): Promise<Response> => {
    seen.push(request)
    const url = new URL(request.url)
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    if (url.pathname === '/api/runs/create') return json({ run_id: live })
    if (url.searchParams.get('run_id') === live) return json({ run: { id: live, name: 'n', ...(extraKey ? { tags: [] } : {}) } })
    return json({ error_code: code }, 404)
  }
  return { handle, seen }
}

test('replay › learns the allocated run id and agrees everywhere with a faithful server', async () => {
  const s = server()
  const result = await replayRecording(recording, s.handle, { prefix: '/api', headers: [['X-API-Key', 'sekret']] })
  assert.deepEqual(disagreementLines(result), [])
  assert.equal(agreementOf(result.outcomes).overall.percent, 100)
  assert.equal(s.seen[1]!.headers.get('x-api-key'), 'sekret')
  assert.match(s.seen[1]!.url, /run_id=b{32}$/)
})

test('replay › a fault names the exchange, the endpoint kind and the field; the key never shows', async () => {
  const result = await replayRecording(recording, server({ extraKey: true, code: 'NOT_FOUND' }).handle, { prefix: '/api', headers: [['X-API-Key', 'sekret']] })
  assert.deepEqual(disagreementLines(result), [
    '#2 get: key set missing -; extra .run.tags',
    '#3 missing: error_code expected "RESOURCE_DOES_NOT_EXIST", actual "NOT_FOUND"',
  ])
  const report = agreementOf(result.outcomes)
  assert.deepEqual(report.byKind.map((k) => [k.kind, k.agreed, k.total]), [['GET /runs/get', 0, 2], ['POST /runs/create', 1, 1]])
  const text = renderReport(result) + JSON.stringify(reportJson(result))
  assert.doesNotMatch(text, /sekret/)
  assert.match(text, /\[redacted\]/)
})

test('replay › an unreachable target disagrees on every exchange instead of throwing', async () => {
  const result = await replayRecording(recording, 'http://127.0.0.1:9')
  assert.equal(agreementOf(result.outcomes).overall.agreed, 0)
})

test('endpoint kind › id segments become {id}, what follows them …', () => {
  assert.equal(endpointKind('put', '/api/2.0/mlflow-artifacts/artifacts/1/8c92a8968cce4482be84c150504465c9/artifacts/m.txt'), 'PUT /api/2.0/mlflow-artifacts/artifacts/{id}/…')
  assert.equal(endpointKind('GET', '/api/2.0/mlflow/runs/get?run_id=1'), 'GET /api/2.0/mlflow/runs/get')
})

test('replay › a cut request is not judged, and neither is a later disagreement on the entity it changed', async () => {
  const cutRecording = parseRecording('c.json', { exchanges: [
    { title: 'create', method: 'POST', path: '/runs/create', request: {}, requestContentType: 'application/json', status: 200, contentType: 'application/json', response: { run_id: RUN } },
    { title: 'batch', method: 'POST', path: '/runs/log', request: `{"run_id":"${RUN}","tags":[{"key":"a"},{"key":"b…(30)`, requestContentType: 'application/json', status: 200, contentType: 'application/json', response: {} },
    { title: 'get', method: 'GET', path: `/runs/get?run_id=${RUN}`, request: null, requestContentType: null, status: 200, contentType: 'application/json', response: { run: { id: RUN, name: 'n', tags: [] } } },
    { title: 'other', method: 'GET', path: '/runs/get?run_id=nope', request: null, requestContentType: null, status: 200, contentType: 'application/json', response: { run: { id: 'nope', tags: [] } } },
  ] })
  const s = server()
  const result = await replayRecording(cutRecording, s.handle, { prefix: '/api' })
  assert.equal(await s.seen[1]!.clone().text(), '{"run_id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","tags":[{"key":"a"}]}', 'sent with the elements it kept, the live id substituted')
  assert.deepEqual(result.outcomes.map((o) => o.skipped === undefined ? 'judged' : o.skipped.replace(/;.*/, '')), [
    'judged', 'the recording cut 30 characters of the request body', 'disagrees on an entity that #2 changed, whose request body the recording cut', 'judged',
  ])
  // the unrelated disagreement still counts
  assert.deepEqual(agreementOf(result.outcomes).overall, { agreed: 1, total: 2, percent: 50, skipped: 2 })
  assert.match(renderReport(result), /not judged \(2\):\n#2 batch: the recording cut 30 characters/)
})
