import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createApiService } from './create-api-service.js'
import { authStandIn, call, mlflowEcho } from './test-stand-ins.js'

const key = 'test-reader-key'
const api = () => createApiService({ auth: authStandIn(), mlflow: mlflowEcho() })

describe('api generic responses (§2.2)', () => {
  const rows: [string, { method?: string; path: string; status: number; body?: unknown; location?: string }][] = [
    ['unknown path → 404 JSON', { path: '/api/v1/models', status: 404, body: { detail: 'Not Found' } }],
    ['documented but absent → 404', { path: '/api/v1/auth/keys', status: 404, body: { detail: 'Not Found' } }],
    ['wrong method → 405', { method: 'DELETE', path: '/api/v1/models/21/info', status: 405, body: { detail: 'Method Not Allowed' } }],
    ['HEAD /health → 405', { method: 'HEAD', path: '/health', status: 405 }],
    ['paths are case-sensitive', { path: '/API/v1/models/21/info', status: 404, body: { detail: 'Not Found' } }],
    ['extra slash → 307 without it', { path: '/api/v1/models/21/info/?x=1', status: 307, location: 'https://api.hokus.ai/api/v1/models/21/info?x=1' }],
    ['missing slash → 307 with it', { path: '/api/models', status: 307, location: 'https://api.hokus.ai/api/models/' }],
    ['/{model_id}/lineage precedes /{model_name}/{version}', { path: '/models/m/lineage', status: 200 }],
    ['/debug → 404 detail', { path: '/debug', status: 404, body: { detail: 'Debug endpoint not available' } }],
    ['GET /api/health → 200 (intended)', { path: '/api/health', status: 200 }],
    ['undecodable path → 404, no crash', { path: '/api/v1/models/%zz/info', status: 404 }],
    ['encoded slash does not match a segment', { path: '/api/v1/models/a%2Fb/info', status: 404, body: { detail: 'Not Found' } }],
    ['unicode id → model 404', { path: '/api/v1/models/%E2%9C%93/info', status: 404, body: { detail: 'Model ✓ not found' } }],
    ['dot segments are resolved by URL parsing', { path: '/api/v1/models/21/../../../../health', status: 200 }],
  ]
  for (const [title, { method = 'GET', path, status, body, location }] of rows) {
    test(title, async () => {
      const response = await call(api(), method, path, { key })
      assert.equal(response.status, status)
      if (body !== undefined) assert.deepEqual(response.json, body)
      if (location !== undefined) assert.equal(response.headers.get('location'), location)
    })
  }
  test('scanner paths → empty 404 with no-store, before auth', async () => {
    for (const path of ['/.env', '/.git/config', '/wp-admin/x', '/cgi-bin/x', '/actuator/health']) {
      const response = await call(api(), 'GET', path)
      assert.deepEqual([response.status, response.text, response.headers.get('cache-control')], [404, '', 'no-store'], path)
    }
  })
  test('CORS: handler and middleware answers echo Origin; preflight answers OK', async () => {
    const origin = { origin: 'https://app.example.test' }
    assert.equal((await call(api(), 'GET', '/health', { headers: origin })).headers.get('access-control-allow-origin'), origin.origin)
    assert.equal((await call(api(), 'GET', '/', { headers: origin })).headers.get('access-control-allow-origin'), origin.origin)
    const lacking = createApiService({ settings: { authResponsesLackCors: true }, auth: authStandIn(), mlflow: mlflowEcho() })
    assert.equal((await call(lacking, 'GET', '/', { headers: origin })).headers.get('access-control-allow-origin'), null)
    const preflight = await call(api(), 'OPTIONS', '/api/v1/models/21/predict', { headers: { ...origin, 'access-control-request-method': 'POST' } })
    assert.deepEqual([preflight.status, preflight.text], [200, 'OK'])
  })
  test('stores are per instance; benchmark CRUD answers 201/200/204/404', async () => {
    const service = api()
    const spec = { model_id: '21', provider: 'hokusai', dataset_reference: 's3://d', eval_split: 'test', target_column: 'y', input_columns: ['x'], metric_name: 'accuracy', metric_direction: 'higher_is_better' }
    const created = await call(service, 'POST', '/api/v1/benchmarks', { key, body: spec })
    assert.equal(created.status, 201)
    const id = (created.json as { spec_id: string }).spec_id
    assert.equal((await call(service, 'GET', `/api/v1/benchmarks/${id}`, { key })).status, 200)
    assert.equal((await call(api(), 'GET', `/api/v1/benchmarks/${id}`, { key })).status, 404)
    assert.equal((await call(service, 'DELETE', `/api/v1/benchmarks/${id}`, { key })).status, 204)
    assert.equal((await call(service, 'POST', '/api/v1/benchmarks', { key, body: { ...spec, provider: 'x' } })).status, 422)
  })
  test('tokenized-registration-events: write scope required, then 200', async () => {
    const body = { model_name: 'm', version: '1', token_id: 't', proposal_identifier: 'p', metric_name: 'accuracy', baseline_value: 0.9, mlflow_run_id: 'r' }
    assert.equal((await call(api(), 'POST', '/api/models/tokenized-registration-events', { key, body })).status, 403)
    const ok = await call(api(), 'POST', '/api/models/tokenized-registration-events', { key: 'test-writer-key', body })
    assert.deepEqual(ok.json, { status: 'ok', model_id: 'm/1/t', model_name: 'm', version: '1', event_emitted: true, detail: null })
  })
})

describe('api models router › MLflow lookups', () => {
  const mlflow = {
    name: 'mlflow',
    async handle(request: Request) {
      const name = new URL(request.url).searchParams.get('name')
      if (name === 'known') return new Response(JSON.stringify({ model_version: { status: 'READY', description: 'd' }, registered_model: { name } }), { headers: { 'content-type': 'application/json' } })
      return new Response(JSON.stringify({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'nope' }), { status: 404, headers: { 'content-type': 'application/json' } })
    },
  }
  const service = () => createApiService({ auth: authStandIn(), mlflow })
  test('lineage and version detail: 200 when MLflow has the model, 404 otherwise', async () => {
    assert.equal((await call(service(), 'GET', '/api/models/known/lineage', { key })).status, 200)
    assert.deepEqual((await call(service(), 'GET', '/api/models/absent/lineage', { key })).json, { detail: 'Model absent not found' })
    assert.equal((await call(service(), 'GET', '/models/known/1', { key })).status, 200)
    assert.deepEqual((await call(service(), 'GET', '/models/absent/1', { key })).json, { detail: 'Model not found: absent:1' })
  })
  test('PATCH needs a JSON object body', async () => {
    const response = await call(service(), 'PATCH', '/api/models/known/1', { key, body: [] })
    assert.deepEqual([response.status, (response.json as { detail: { type: string }[] }).detail[0]?.type], [422, 'dict_type'])
  })
  test('lineage with MLflow down → 500 Failed to retrieve model lineage', async () => {
    const down = createApiService({ auth: authStandIn(), mlflow: mlflowEcho('down') })
    assert.deepEqual((await call(down, 'GET', '/api/models/known/lineage', { key })).json, { detail: 'Failed to retrieve model lineage' })
  })
})
