import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withVersions() {
  const c = mlflowClient(createMlflowService())
  await c.post('/registered-models/create', { name: 'm' })
  for (let i = 0; i < 2; i++) await c.post('/model-versions/create', { name: 'm', source: 'runs:/r/model' })
  return c
}

test('aliases › set, move and get › model version carries its alias names; model lists sorted pairs', async () => {
  const c = await withVersions()
  assert.deepEqual((await c.post('/registered-models/alias', { name: 'm', alias: 'champion', version: '1' })).json, {})
  await c.post('/registered-models/alias', { name: 'm', alias: 'challenger', version: '1' })
  await c.post('/registered-models/alias', { name: 'm', alias: 'challenger', version: '2' })
  const got = await c.get('/registered-models/alias', { name: 'm', alias: 'champion' })
  assert.deepEqual([got.json.model_version.version, got.json.model_version.aliases], ['1', ['champion']])
  assert.deepEqual((await c.get('/registered-models/get', { name: 'm' })).json.registered_model.aliases, [
    { alias: 'challenger', version: '2' },
    { alias: 'champion', version: '1' },
  ])
})

test('aliases › errors › reserved names and numeric version 400, unknown version 404, missing alias 400', async () => {
  const c = await withVersions()
  for (const alias of ['latest', 'LATEST', 'v1', 'V12']) {
    assert.equal((await c.post('/registered-models/alias', { name: 'm', alias, version: '1' })).json.error_code, 'INVALID_PARAMETER_VALUE', alias)
  }
  assert.equal((await c.post('/registered-models/alias', { name: 'm', alias: 'x', version: 1 })).status, 400)
  assert.equal((await c.post('/registered-models/alias', { name: 'm', alias: 'x', version: '99' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
  assert.equal((await c.post('/registered-models/alias', { name: 'nope', alias: 'x', version: '1' })).status, 404)
  const missing = await c.get('/registered-models/alias', { name: 'm', alias: 'nope' })
  assert.deepEqual([missing.status, missing.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
  // the SQL store looks up (name, alias) without checking the model: an unknown model is the same 400
  const noModel = await c.get('/registered-models/alias', { name: 'nope', alias: 'champion' })
  assert.deepEqual([noModel.status, noModel.json.error_code], [400, 'INVALID_PARAMETER_VALUE'])
  assert.equal((await c.delete('/registered-models/alias', { name: 'nope', alias: 'champion' })).status, 404)
})

test('aliases › delete › idempotent', async () => {
  const c = await withVersions()
  await c.post('/registered-models/alias', { name: 'm', alias: 'champion', version: '1' })
  assert.deepEqual((await c.delete('/registered-models/alias', { name: 'm', alias: 'champion' })).json, {})
  assert.equal((await c.delete('/registered-models/alias', { name: 'm', alias: 'champion' })).status, 200)
  assert.equal((await c.get('/registered-models/alias', { name: 'm', alias: 'champion' })).status, 400)
})
