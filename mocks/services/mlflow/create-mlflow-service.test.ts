import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

test('mlflow › GET /health and /version › text/html OK and the selected version', async () => {
  const c = mlflowClient(createMlflowService({ settings: { version: '2.17.0' } }))
  const health = await c.send('GET', '/health')
  assert.deepEqual([health.status, health.contentType, health.text], [200, 'text/html; charset=utf-8', 'OK'])
  assert.equal((await c.send('GET', '/version')).text, '2.17.0')
})

test('mlflow › default version is 2.17.0, the version the seeded recordings replay against (the platform picks 3.x)', async () => {
  assert.equal((await mlflowClient(createMlflowService()).send('GET', '/version')).text, '2.17.0')
})

test('mlflow › unknown version setting › clear error', () => {
  assert.throws(() => createMlflowService({ settings: { version: '9.9' as never } }), /unknown MLflow mock version "9.9"/)
  assert.throws(() => createMlflowService({ settings: { pendingRegistrationGets: -1 } }), /pendingRegistrationGets/)
})

test('mlflow › prefixes › ajax-api is routed, preview is an HTML 404, any origin works', async () => {
  const c = mlflowClient(createMlflowService(), 'https://registry.example.test:5000')
  assert.equal((await c.send('GET', '/ajax-api/2.0/mlflow/experiments/get?experiment_id=0')).json.experiment.name, 'Default')
  const preview = await c.send('GET', '/api/2.0/preview/mlflow/experiments/get?experiment_id=0')
  assert.deepEqual([preview.status, preview.contentType], [404, 'text/html; charset=utf-8'])
  assert.match(preview.text, /<title>404 Not Found<\/title>/)
})

test('mlflow › route matching is exact › junk before the prefix or after the path is a 404 page', async () => {
  const c = mlflowClient(createMlflowService())
  assert.equal((await c.send('GET', '/junk/api/2.0/mlflow/experiments/get?experiment_id=0')).status, 404)
  assert.equal((await c.send('GET', '/api/2.0/mlflow/experiments/get/extra?experiment_id=0')).status, 404)
  assert.equal((await c.send('GET', '/junk/health')).status, 404)
})

test('mlflow › wrong method on a known route › HTML 405 page', async () => {
  const c = mlflowClient(createMlflowService())
  const r = await c.send('GET', '/api/2.0/mlflow/registered-models/create')
  assert.deepEqual([r.status, r.contentType], [405, 'text/html; charset=utf-8'])
  assert.equal((await c.post('/registered-models/get', { name: 'x' })).status, 405)
  assert.equal((await c.send('POST', '/health')).status, 405)
})

test('mlflow › Content-Type › POST bodies need application/json, malformed JSON reads as {}', async () => {
  const c = mlflowClient(createMlflowService())
  for (const headers of [{}, { 'Content-Type': 'text/plain' }] as Record<string, string>[]) {
    const r = await c.send('POST', '/api/2.0/mlflow/experiments/create', '{"name":"e"}', headers)
    assert.deepEqual([r.status, r.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
    assert.match(r.json.message, /Content-Type must be one of \['application\/json'\]/)
  }
  const ok = await c.send('POST', '/api/2.0/mlflow/experiments/create', '{"name":"e"}', { 'Content-Type': 'application/json; charset=utf-8' })
  assert.equal(ok.status, 200)
  const malformed = await c.send('POST', '/api/2.0/mlflow/experiments/create', '{"name": ', { 'Content-Type': 'application/json' })
  assert.deepEqual([malformed.status, malformed.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
  assert.match(malformed.json.message, /Missing value for required parameter 'name'/)
})

test('mlflow › POST with no Content-Type header at all › 400 INVALID_PARAMETER_VALUE', async () => {
  const request = new Request('http://mlflow.test/api/2.0/mlflow/experiments/create', { method: 'POST', body: '{"name":"e"}' })
  request.headers.delete('content-type') // fetch adds text/plain for string bodies; the real client sent none (#85)
  const r = await createMlflowService().handle(request)
  assert.equal(r.status, 400)
  assert.equal((await r.json()).error_code, 'INVALID_PARAMETER_VALUE')
})

test('mlflow › DELETE without a body (as the proxy forwards it) › 400 missing name, not a crash', async () => {
  const c = mlflowClient(createMlflowService())
  const r = await c.send('DELETE', '/api/2.0/mlflow/registered-models/delete')
  assert.deepEqual([r.status, r.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
})

test('mlflow › wrong JSON types › 400 INVALID_PARAMETER_VALUE naming the Python type', async () => {
  const c = mlflowClient(createMlflowService())
  for (const [body, type] of [[{ name: 123 }, 'int'], [{ name: ['a'] }, 'list'], [{ name: { a: 1 } }, 'dict'], [{ name: true }, 'bool']] as const) {
    const r = await c.post('/experiments/create', body)
    assert.deepEqual([r.status, r.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
    assert.match(r.json.message, new RegExp(`type '${type}'`))
  }
  assert.equal((await c.post('/experiments/search', { max_results: 'many' })).status, 400)
})

test('mlflow › state is per service instance', async () => {
  const a = mlflowClient(createMlflowService())
  const b = mlflowClient(createMlflowService())
  assert.equal((await a.post('/experiments/create', { name: 'only-in-a' })).status, 200)
  assert.equal((await b.get('/experiments/get-by-name', { experiment_name: 'only-in-a' })).status, 404)
  assert.equal((await b.post('/experiments/create', { name: 'only-in-a' })).json.experiment_id, '1')
})

test('mlflow › 2.17.0 has no logged-models endpoints or runs/outputs › HTML 404', async () => {
  const c = mlflowClient(createMlflowService({ settings: { version: '2.17.0' } }))
  const r = await c.post('/logged-models', { experiment_id: '0' })
  assert.deepEqual([r.status, r.contentType], [404, 'text/html; charset=utf-8'])
  assert.equal((await c.post('/runs/outputs', { run_id: 'x', models: [] })).status, 404)
})
