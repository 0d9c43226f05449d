import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAuthService, createKeyTable } from '../auth/index.js'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

// Werkzeug adds HEAD to every GET rule: the GET's status and headers, never a body
test('HEAD › a GET route answers with the GET status and content type, no body', async () => {
  const c = mlflowClient(createMlflowService())
  const head = await c.send('HEAD', '/api/2.0/mlflow/experiments/search')
  assert.deepEqual([head.status, head.contentType, head.bytes.length], [200, 'application/json', 0])
  const page = await c.send('HEAD', '/version')
  assert.deepEqual([page.status, page.contentType, page.text], [200, 'text/html; charset=utf-8', ''])
})

test('HEAD › errors keep the GET status: 404 JSON for a missing entity, 400 for bad input', async () => {
  const c = mlflowClient(createMlflowService())
  const missing = await c.send('HEAD', '/api/2.0/mlflow/experiments/get?experiment_id=987654321')
  assert.deepEqual([missing.status, missing.contentType, missing.text], [404, 'application/json', ''])
  assert.equal((await c.send('HEAD', '/api/2.0/mlflow/model-versions/get?name=m&version=latest')).status, 400)
})

test('HEAD › a POST-only route is a 405, an unknown route a 404, both without a body', async () => {
  const c = mlflowClient(createMlflowService())
  const wrong = await c.send('HEAD', '/api/2.0/mlflow/registered-models/create')
  assert.deepEqual([wrong.status, wrong.contentType, wrong.text], [405, 'text/html; charset=utf-8', ''])
  const unknown = await c.send('HEAD', '/api/2.0/mlflow/cw-unknown-route')
  assert.deepEqual([unknown.status, unknown.text], [404, ''])
})

test('HEAD › a route with GET and other methods on one path answers HEAD like its GET', async () => {
  const c = mlflowClient(createMlflowService())
  // registered-models/alias has GET, POST and DELETE: HEAD runs the GET (unknown alias → 400)
  assert.equal((await c.send('HEAD', '/api/2.0/mlflow/registered-models/alias?name=m&alias=a')).status, 400)
})

test('HEAD › through the admin gateway: refusals have no body either', async () => {
  const keys = createKeyTable('head-unit')
  const c = mlflowClient(createMlflowService({ auth: createAuthService({ keys }) }))
  const refused = await c.send('HEAD', '/mlflow/ajax-api/2.0/mlflow/experiments/search')
  assert.deepEqual([refused.status, refused.contentType, refused.text], [401, 'application/json', ''])
  const ok = await c.send('HEAD', '/mlflow/ajax-api/2.0/mlflow/experiments/search', undefined, { authorization: `Bearer ${keys.admin}` })
  assert.deepEqual([ok.status, ok.text], [200, ''])
})
