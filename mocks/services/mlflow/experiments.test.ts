import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withExperiments(names: string[]) {
  const c = mlflowClient(createMlflowService())
  for (const name of names) await c.post('/experiments/create', { name, tags: [{ key: 'team', value: name.startsWith('a') ? 'a' : 'b' }] })
  return c
}

const names = (r: { json: { experiments?: { name: string }[] } }) => (r.json.experiments ?? []).map((e) => e.name)

test('experiments › create allocates "1", "2" … and get answers the documented shape', async () => {
  const c = await withExperiments(['alpha', 'beta'])
  const r = await c.get('/experiments/get', { experiment_id: '2' })
  assert.deepEqual(Object.keys(r.json.experiment), ['experiment_id', 'name', 'artifact_location', 'lifecycle_stage', 'last_update_time', 'creation_time', 'tags'])
  assert.equal(r.json.experiment.artifact_location, 'mlflow-artifacts:/2')
  assert.equal('tags' in (await c.get('/experiments/get', { experiment_id: '0' })).json.experiment, false, 'empty tags omitted')
})

test('experiments › search › only Default at start; default order creation_time DESC', async () => {
  assert.deepEqual(names(await mlflowClient(createMlflowService()).get('/experiments/search')), ['Default'])
  const c = await withExperiments(['alpha', 'beta'])
  assert.deepEqual(names(await c.post('/experiments/search', {})), ['beta', 'alpha', 'Default'])
})

test('experiments › search › filter by name =, LIKE and tags; order_by name ASC', async () => {
  const c = await withExperiments(['alpha', 'apple', 'beta'])
  assert.deepEqual(names(await c.get('/experiments/search', { filter: "name = 'beta'" })), ['beta'])
  assert.deepEqual(names(await c.post('/experiments/search', { filter: "name LIKE 'a%'", order_by: ['name ASC'] })), ['alpha', 'apple'])
  assert.deepEqual(names(await c.post('/experiments/search', { filter: "tags.team = 'b'" })), ['beta'])
  const none = await c.get('/experiments/search', { filter: "name = 'zzz'" })
  assert.deepEqual(none.json, {}, 'empty result omits experiments')
})

test('experiments › search › max_results and page_token walk every page', async () => {
  const c = await withExperiments(['a1', 'a2', 'a3'])
  const first = await c.post('/experiments/search', { max_results: 2, order_by: ['name ASC'] })
  assert.deepEqual(names(first), ['Default', 'a1'])
  assert.equal(first.json.next_page_token, Buffer.from('{"offset": 2}').toString('base64'))
  const second = await c.post('/experiments/search', { max_results: 2, order_by: ['name ASC'], page_token: first.json.next_page_token })
  assert.deepEqual(names(second), ['a2', 'a3'])
  assert.equal(second.json.next_page_token, undefined)
  assert.equal((await c.post('/experiments/search', { page_token: 'not-a-token' })).json.error_code, 'INVALID_PARAMETER_VALUE')
  assert.equal((await c.post('/experiments/search', { filter: 'name ~~ 1' })).status, 400)
})

test('experiments › delete › hidden from ACTIVE_ONLY, name stays reserved, restore brings it back', async () => {
  const c = await withExperiments(['gone'])
  assert.deepEqual((await c.post('/experiments/delete', { experiment_id: '1' })).json, {})
  assert.deepEqual(names(await c.get('/experiments/search')), ['Default'])
  assert.deepEqual(names(await c.post('/experiments/search', { view_type: 'DELETED_ONLY' })), ['gone'])
  // protobuf's ignore_unknown_fields drops an unknown enum name: the default view answers (the contract says so)
  assert.deepEqual(names(await c.post('/experiments/search', { view_type: 'cw-not-in-enum' })), ['Default'])
  // a name of Object.prototype is just another unknown name (generated input `valueOf` once answered 500)
  for (const view_type of ['valueOf', 'constructor', '__proto__']) assert.deepEqual(names(await c.post('/experiments/search', { view_type })), ['Default'], view_type)
  const again = await c.post('/experiments/create', { name: 'gone' })
  assert.deepEqual([again.status, again.json.error_code], [400, 'RESOURCE_ALREADY_EXISTS'])
  await c.post('/experiments/restore', { experiment_id: '1' })
  assert.equal((await c.get('/experiments/get', { experiment_id: '1' })).json.experiment.lifecycle_stage, 'active')
})

test('experiments › errors › unknown id and name 404; Default cannot be deleted', async () => {
  const c = mlflowClient(createMlflowService())
  assert.equal((await c.get('/experiments/get', { experiment_id: '42' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
  assert.equal((await c.get('/experiments/get-by-name', { experiment_name: 'x' })).status, 404)
  assert.equal((await c.post('/experiments/delete', { experiment_id: '42' })).status, 404)
  assert.equal((await c.post('/experiments/delete', { experiment_id: '0' })).status, 400)
  assert.equal((await c.post('/experiments/create', { name: '' })).status, 400)
})
