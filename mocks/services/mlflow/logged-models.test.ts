import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

// MLflow 3.x client registration flow (mlflow-proxy.md §12, flow B)
test('logged models › flow B › create, upload, finalise, search, register from models:/, back-link tag', async () => {
  const c = mlflowClient(createMlflowService({ settings: { version: '3.1.2.dev0' } }))
  await c.post('/experiments/create', { name: 'e' })
  const runId: string = (await c.post('/runs/create', { experiment_id: '1' })).json.run.info.run_id
  const created = await c.post('/logged-models', { experiment_id: '1', name: 'model', source_run_id: runId, params: [{ key: 'lr', value: '0.1' }] })
  const info = created.json.model.info
  assert.match(info.model_id, /^m-[0-9a-f]{32}$/)
  assert.deepEqual([info.status, info.artifact_uri], ['LOGGED_MODEL_PENDING', `mlflow-artifacts:/1/models/${info.model_id}/artifacts`])
  assert.deepEqual(created.json.model.data, { params: [{ key: 'lr', value: '0.1' }] })
  await c.post('/runs/outputs', { run_id: runId, models: [{ model_id: info.model_id, step: 0 }] })
  const put = await c.send('PUT', `/api/2.0/mlflow-artifacts/artifacts/1/models/${info.model_id}/artifacts/MLmodel`, 'flavors: {}\n')
  assert.equal(put.status, 200)
  const ready = await c.patch(`/logged-models/${info.model_id}`, { status: 'LOGGED_MODEL_READY' })
  assert.equal(ready.json.model.info.status, 'LOGGED_MODEL_READY')
  const found = await c.post('/logged-models/search', { experiment_ids: ['1'], filter: `source_run_id='${runId}'` })
  assert.deepEqual(found.json.models.map((m: { info: { model_id: string } }) => m.info.model_id), [info.model_id])
  await c.post('/registered-models/create', { name: 'reg' })
  const version = await c.post('/model-versions/create', { name: 'reg', source: `models:/${info.model_id}`, run_id: runId, model_id: info.model_id })
  assert.deepEqual([version.json.model_version.status, version.json.model_version.model_id], ['READY', info.model_id])
  assert.deepEqual((await c.patch(`/logged-models/${info.model_id}/tags`, { tags: [{ key: 'mlflow.modelVersions', value: '[]' }] })).json, {})
  assert.deepEqual((await c.get(`/logged-models/${info.model_id}`)).json.model.info.tags, [{ key: 'mlflow.modelVersions', value: '[]' }])
  await c.send('DELETE', `/api/2.0/mlflow/logged-models/${info.model_id}/tags/mlflow.modelVersions`)
  assert.equal('tags' in (await c.get(`/logged-models/${info.model_id}`)).json.model.info, false)
})

test('logged models › errors › unknown model 404, bad status 400, unknown experiment 404, empty search {}', async () => {
  const c = mlflowClient(createMlflowService({ settings: { version: '3.1.2.dev0' } }))
  assert.equal((await c.get('/logged-models/m-nope')).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
  const id = (await c.post('/logged-models', { experiment_id: '0' })).json.model.info.model_id
  assert.equal((await c.patch(`/logged-models/${id}`, { status: 'DONE' })).status, 400)
  assert.equal((await c.post('/logged-models', { experiment_id: '42' })).status, 404)
  assert.deepEqual((await c.post('/logged-models/search', { experiment_ids: ['42'] })).json, {})
  assert.deepEqual((await c.delete(`/logged-models/${id}`)).json, {})
  assert.equal((await c.get(`/logged-models/${id}`)).status, 404)
})

test('logged models › search › a repeated field sent as a JSON scalar is a type error (400), as MLflow checks types', async () => {
  const c = mlflowClient(createMlflowService({ settings: { version: '3.1.2.dev0' } }))
  const wrong = await c.post('/logged-models/search', { experiment_ids: 'not-an-array', max_results: 1 })
  assert.deepEqual([wrong.status, wrong.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
  assert.match(wrong.json.message, /parameter 'experiment_ids'.*type 'str'/)
  assert.equal((await c.post('/runs/search', { experiment_ids: '0' })).status, 400)
  // a GET query string may carry one value of a repeated field
  assert.equal((await c.get('/registered-models/get-latest-versions', { name: 'x', stages: 'Production' })).status, 404)
})
