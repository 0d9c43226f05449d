// MLflow 2.17 rules the seeded recordings showed (test/fixtures/mlflow-transcripts §7), one test per rule.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

const fresh = () => mlflowClient(createMlflowService({ settings: { version: '2.17.0' } }))
const outcome = (r: { status: number; json?: { error_code?: string } }) => [r.status, r.json?.error_code ?? null]

test('2.17 › experiments/update renames (to its own name too), set-experiment-tag tags; both need the fields', async () => {
  const c = fresh()
  const { experiment_id } = (await c.post('/experiments/create', { name: 'e' })).json
  assert.deepEqual(outcome(await c.post('/experiments/update', { experiment_id, new_name: 'e' })), [200, null])
  assert.deepEqual(outcome(await c.post('/experiments/update', { experiment_id, new_name: 'f' })), [200, null])
  assert.deepEqual(outcome(await c.post('/experiments/update', { experiment_id })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/experiments/set-experiment-tag', { experiment_id, key: 'team', value: 'ml' })), [200, null])
  assert.deepEqual(outcome(await c.post('/experiments/set-experiment-tag', { experiment_id, value: 'v' })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/experiments/set-experiment-tag', { experiment_id: '987654321', key: 'k', value: 'v' })), [404, 'RESOURCE_DOES_NOT_EXIST'])
  const e = (await c.get('/experiments/get', { experiment_id })).json.experiment
  assert.deepEqual([e.name, e.tags], ['f', [{ key: 'team', value: 'ml' }]])
})

test('2.17 › restoring an active experiment and deleting a deleted one are "not found"', async () => {
  const c = fresh()
  const { experiment_id } = (await c.post('/experiments/create', { name: 'e' })).json
  assert.deepEqual(outcome(await c.post('/experiments/restore', { experiment_id })), [404, 'RESOURCE_DOES_NOT_EXIST'])
  assert.deepEqual(outcome(await c.post('/experiments/delete', { experiment_id })), [200, null])
  assert.deepEqual(outcome(await c.post('/experiments/delete', { experiment_id })), [404, 'RESOURCE_DOES_NOT_EXIST'])
  assert.deepEqual(outcome(await c.post('/experiments/restore', { experiment_id })), [200, null])
})

test('2.17 › length limits: experiment name 500, metric and param keys 250, registry tag values 5000', async () => {
  const c = fresh()
  assert.deepEqual(outcome(await c.post('/experiments/create', { name: 'n'.repeat(501) })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/experiments/create', { name: 'ok', artifact_location: 's3://b/p#frag' })), [400, 'INVALID_PARAMETER_VALUE'])
  const { experiment_id } = (await c.post('/experiments/create', { name: 'ok', tags: [{ key: 'big', value: 'v'.repeat(5001) }] })).json
  const run = (await c.post('/runs/create', { experiment_id })).json.run.info.run_id
  assert.deepEqual(outcome(await c.post('/runs/log-metric', { run_id: run, key: 'm'.repeat(251), value: 1, timestamp: 1 })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/runs/log-parameter', { run_id: run, key: 'k'.repeat(251), value: '1' })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/runs/log-parameter', { run_id: run, key: 'bad key:with*chars', value: '1' })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/runs/log-parameter', { run_id: run, key: 'k'.repeat(250), value: '1' })), [200, null])
  assert.deepEqual(outcome(await c.post('/registered-models/create', { name: 'm', tags: [{ key: 'k', value: 't'.repeat(5001) }] })), [400, 'INVALID_PARAMETER_VALUE'])
  await c.post('/registered-models/create', { name: 'm' })
  assert.deepEqual(outcome(await c.post('/registered-models/set-tag', { name: 'm', key: 'k'.repeat(251), value: 'v' })), [400, 'INVALID_PARAMETER_VALUE'])
  await c.post('/model-versions/create', { name: 'm', source: `runs:/${run}/model` })
  assert.deepEqual(outcome(await c.post('/model-versions/set-tag', { name: 'm', version: '1', key: 'k', value: 'q'.repeat(5001) })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/registered-models/alias', { name: 'm', alias: 'has space!', version: '1' })), [400, 'INVALID_PARAMETER_VALUE'])
})

test('2.17 › runs: no experiment_id is BAD_REQUEST, a status by enum number is accepted, a string experiment_ids searches', async () => {
  const c = fresh()
  assert.deepEqual(outcome(await c.post('/runs/create', { run_name: 'orphan' })), [400, 'BAD_REQUEST'])
  const run = (await c.post('/runs/create', { experiment_id: '0' })).json.run.info.run_id
  const updated = await c.post('/runs/update', { run_id: run, status: 3 })
  assert.deepEqual([updated.status, updated.json.run_info.status], [200, 'FINISHED'])
  assert.deepEqual(outcome(await c.post('/runs/search', { experiment_ids: 'zzz' })), [200, null])
})

test('2.17 › search keys and order_by are checked before any record is read; a dangling AND is dropped', async () => {
  const c = fresh()
  assert.deepEqual(outcome(await c.post('/runs/search', { experiment_ids: ['0'], filter: "foo.bar = '1'" })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/runs/search', { experiment_ids: ['0'], order_by: ['metrics.accuracy SIDEWAYS'] })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.get('/model-versions/search', { filter: "stage = 'Production'" })), [400, 'INVALID_PARAMETER_VALUE'])
  assert.deepEqual(outcome(await c.post('/experiments/search', { filter: "name LIKE 'D%' AND" })), [200, null])
})

test('2.17 › registered-models/search: max_results 0 answers a token only, a negative offset reads from the start', async () => {
  const c = fresh()
  await c.post('/registered-models/create', { name: 'a' })
  assert.deepEqual((await c.get('/registered-models/search', { max_results: '0' })).json, { next_page_token: Buffer.from('{"offset": 0}').toString('base64') })
  const negative = await c.get('/registered-models/search', { page_token: Buffer.from('{"offset": -5}').toString('base64') })
  assert.deepEqual(negative.json.registered_models.map((m: { name: string }) => m.name), ['a'])
})

test('2.17 › a query may list a repeated field with commas; a JSON body that is not an object is an HTML 500', async () => {
  const c = fresh()
  await c.post('/registered-models/create', { name: 'm' })
  const run = (await c.post('/runs/create', { experiment_id: '0' })).json.run.info.run_id
  await c.post('/model-versions/create', { name: 'm', source: `runs:/${run}/model` })
  const latest = await c.get('/registered-models/get-latest-versions', { name: 'm', stages: 'Staging,Production,None' })
  assert.deepEqual([latest.status, latest.json.model_versions.length], [200, 1])
  const crash = await c.send('DELETE', '/api/2.0/mlflow/registered-models/alias', '[{"name":"m","alias":"a"}]', { 'Content-Type': 'application/json' })
  assert.deepEqual([crash.status, crash.contentType], [500, 'text/html; charset=utf-8'])
  assert.match(crash.text, /500 Internal Server Error/)
})
