import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withModels(names: string[]) {
  const c = mlflowClient(createMlflowService())
  for (const name of names) await c.post('/registered-models/create', { name })
  return c
}
const names = (r: { json: { registered_models?: { name: string }[] } }) => (r.json.registered_models ?? []).map((m) => m.name)

test('registered models › create › minimal shape omits description, tags, versions, aliases', async () => {
  const c = mlflowClient(createMlflowService())
  const r = await c.post('/registered-models/create', { name: 'team/m' })
  assert.deepEqual(Object.keys(r.json.registered_model), ['name', 'creation_timestamp', 'last_updated_timestamp'])
  const full = await c.post('/registered-models/create', { name: 'm2', description: 'd', tags: [{ key: 'k', value: 'v' }] })
  assert.deepEqual(full.json.registered_model.tags, [{ key: 'k', value: 'v' }])
  const dup = await c.post('/registered-models/create', { name: 'm2' })
  assert.deepEqual([dup.status, dup.json.error_code], [400, 'RESOURCE_ALREADY_EXISTS'])
})

test('registered models › search › name = and LIKE filters, name order, pagination, empty omits the key', async () => {
  const c = await withModels(['b-model', 'a-model', 'other'])
  assert.deepEqual(names(await c.get('/registered-models/search', { filter: "name='a-model'" })), ['a-model'])
  assert.deepEqual(names(await c.get('/registered-models/search', { filter: "name LIKE '%-model'" })), ['a-model', 'b-model'])
  assert.deepEqual(names(await c.get('/registered-models/search', { filter: "name ILIKE 'A%'" })), ['a-model'])
  const first = await c.get('/registered-models/search', { max_results: '2' })
  assert.deepEqual(names(first), ['a-model', 'b-model'])
  const next = await c.get('/registered-models/search', { max_results: '2', page_token: first.json.next_page_token })
  assert.deepEqual([names(next), next.json.next_page_token], [['other'], undefined])
  assert.deepEqual((await c.get('/registered-models/search', { filter: "name='none'" })).json, {})
  assert.equal((await c.get('/registered-models/search', { max_results: '5000' })).status, 400)
})

test('registered models › rename › carries versions; onto an existing name 400 RESOURCE_ALREADY_EXISTS', async () => {
  const c = await withModels(['m', 'taken'])
  await c.post('/model-versions/create', { name: 'm', source: 'runs:/r/model' })
  const renamed = await c.post('/registered-models/rename', { name: 'm', new_name: 'n' })
  assert.equal(renamed.json.registered_model.latest_versions[0].name, 'n')
  assert.equal((await c.get('/registered-models/get', { name: 'm' })).status, 404)
  assert.equal((await c.get('/model-versions/get', { name: 'n', version: '1' })).status, 200)
  assert.equal((await c.post('/registered-models/rename', { name: 'n', new_name: 'taken' })).json.error_code, 'RESOURCE_ALREADY_EXISTS')
})

test('registered models › update, tags, delete › 200 then 404 on the second delete', async () => {
  const c = await withModels(['m'])
  assert.equal((await c.patch('/registered-models/update', { name: 'm', description: 'new' })).json.registered_model.description, 'new')
  await c.post('/registered-models/set-tag', { name: 'm', key: 'owner', value: 'x', bogus: 1 })
  assert.deepEqual((await c.get('/registered-models/get', { name: 'm' })).json.registered_model.tags, [{ key: 'owner', value: 'x' }])
  await c.delete('/registered-models/delete-tag', { name: 'm', key: 'owner' })
  assert.equal('tags' in (await c.get('/registered-models/get', { name: 'm' })).json.registered_model, false)
  assert.deepEqual((await c.delete('/registered-models/delete', { name: 'm' })).json, {})
  assert.equal((await c.delete('/registered-models/delete', { name: 'm' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
})

test('registered models › get-latest-versions › newest per requested stage; aliases only in 3.x', async () => {
  for (const [version, withAliases] of [['2.17.0', false], ['3.1.2.dev0', true]] as const) {
    const c = mlflowClient(createMlflowService({ settings: { version } }))
    await c.post('/registered-models/create', { name: 'm' })
    for (let i = 0; i < 3; i++) await c.post('/model-versions/create', { name: 'm', source: 'runs:/r/model' })
    await c.post('/model-versions/transition-stage', { name: 'm', version: '1', stage: 'Production' })
    await c.post('/registered-models/alias', { name: 'm', alias: 'champion', version: '1' })
    const r = await c.post('/registered-models/get-latest-versions', { name: 'm', stages: ['production', 'None'] })
    assert.deepEqual(r.json.model_versions.map((v: { version: string }) => v.version), ['1', '3'])
    assert.equal('aliases' in r.json.model_versions[0], withAliases, version)
    const viaGet = await c.send('GET', '/api/2.0/mlflow/registered-models/get-latest-versions?name=m&stages=Production&stages=Archived')
    assert.deepEqual(viaGet.json.model_versions.map((v: { version: string }) => v.version), ['1'])
    assert.equal((await c.post('/registered-models/get-latest-versions', { name: 'm', stages: ['Prod'] })).status, 400)
  }
})
