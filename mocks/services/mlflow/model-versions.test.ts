import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService, type MlflowSettings } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withModel(settings: Partial<MlflowSettings> = {}) {
  const c = mlflowClient(createMlflowService({ settings }))
  await c.post('/registered-models/create', { name: 'm' })
  return c
}
const create = (c: ReturnType<typeof mlflowClient>, body: Record<string, unknown> = {}) =>
  c.post('/model-versions/create', { name: 'm', source: 'runs:/abc/model', ...body })

test('model versions › create › versions are strings "1", "2"…, READY at once, run_id not checked', async () => {
  const c = await withModel()
  const v1 = (await create(c, { run_id: 'f'.repeat(32), tags: [{ key: 't', value: 'v' }] })).json.model_version
  assert.deepEqual([v1.version, v1.status, v1.current_stage, v1.description, v1.run_link], ['1', 'READY', 'None', '', ''])
  assert.deepEqual(v1.tags, [{ key: 't', value: 'v' }])
  assert.equal((await create(c)).json.model_version.run_id, '', 'omitted run_id stored as ""')
  assert.equal((await create(c)).json.model_version.version, '3')
})

test('model versions › create errors › missing source 400, local path 400, unknown model 404', async () => {
  const c = await withModel()
  assert.match((await c.post('/model-versions/create', { name: 'm' })).json.message, /required parameter 'source'/)
  assert.equal((await create(c, { source: '/srv/mlflow/model' })).json.error_code, 'INVALID_PARAMETER_VALUE')
  assert.equal((await create(c, { source: 'file:///tmp/x' })).status, 400)
  assert.equal((await create(c, { name: 'nope' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
})

test('model versions › pendingRegistrationGets › PENDING_REGISTRATION for N polls, then READY', async () => {
  const c = await withModel({ pendingRegistrationGets: 2 })
  assert.equal((await create(c)).json.model_version.status, 'PENDING_REGISTRATION')
  const polls = []
  for (let i = 0; i < 3; i++) polls.push((await c.get('/model-versions/get', { name: 'm', version: '1' })).json.model_version.status)
  assert.deepEqual(polls, ['PENDING_REGISTRATION', 'PENDING_REGISTRATION', 'READY'])
})

test('model versions › get › 404 unknown, 400 non-integer (wording per version)', async () => {
  const c = await withModel({ version: '2.17.0' })
  assert.equal((await c.get('/model-versions/get', { name: 'm', version: '9' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
  assert.match((await c.get('/model-versions/get', { name: 'm', version: 'latest' })).json.message, /^Model version must be an integer/)
  const v3 = await withModel({ version: '3.1.2.dev0' })
  assert.match((await v3.get('/model-versions/get', { name: 'm', version: 'latest' })).json.message, /^Parameter 'version' must be an integer/)
})

test('model versions › transition-stage › case-insensitive, archives only the target stage when asked', async () => {
  const c = await withModel()
  for (let i = 0; i < 3; i++) await create(c)
  await c.post('/model-versions/transition-stage', { name: 'm', version: '1', stage: 'Production' })
  await c.post('/model-versions/transition-stage', { name: 'm', version: '3', stage: 'Staging' })
  const r = await c.post('/model-versions/transition-stage', { name: 'm', version: '2', stage: 'production', archive_existing_versions: true })
  assert.equal(r.json.model_version.current_stage, 'Production')
  const stage = async (v: string) => (await c.get('/model-versions/get', { name: 'm', version: v })).json.model_version.current_stage
  assert.deepEqual([await stage('1'), await stage('3')], ['Archived', 'Staging'])
  assert.equal((await c.post('/model-versions/transition-stage', { name: 'm', version: '1', stage: 'Prod' })).status, 400)
})

test('model versions › search › newest update first, filter by name and run_id, token paging', async () => {
  const c = await withModel()
  await create(c, { run_id: 'r1' })
  await create(c, { run_id: 'r2' })
  await c.patch('/model-versions/update', { name: 'm', version: '1', description: 'touched' })
  const all = await c.get('/model-versions/search', { filter: "name='m'" })
  assert.deepEqual(all.json.model_versions.map((v: { version: string }) => v.version), ['1', '2'])
  assert.equal('aliases' in all.json.model_versions[0], false)
  const page = await c.get('/model-versions/search', { filter: "name='m'", max_results: '1' })
  assert.equal(page.json.next_page_token, 'eyJvZmZzZXQiOiAxfQ==')
  assert.deepEqual((await c.get('/model-versions/search', { filter: "run_id='r2'" })).json.model_versions.length, 1)
  assert.deepEqual((await c.get('/model-versions/search', { filter: "name='zzz'" })).json, {})
})

test('model versions › tags, download uri, delete › delete drops its aliases and twice is 404', async () => {
  const c = await withModel()
  await create(c)
  await c.post('/model-versions/set-tag', { name: 'm', version: '1', key: 'k', value: 'v' })
  assert.deepEqual((await c.get('/model-versions/get', { name: 'm', version: '1' })).json.model_version.tags, [{ key: 'k', value: 'v' }])
  await c.delete('/model-versions/delete-tag', { name: 'm', version: '1', key: 'k' })
  assert.equal('tags' in (await c.get('/model-versions/get', { name: 'm', version: '1' })).json.model_version, false)
  assert.deepEqual((await c.get('/model-versions/get-download-uri', { name: 'm', version: '1' })).json, { artifact_uri: 'runs:/abc/model' })
  assert.equal((await c.post('/model-versions/set-tag', { name: 'm', version: '9', key: 'k', value: 'v' })).status, 404)
  await c.post('/registered-models/alias', { name: 'm', alias: 'champion', version: '1' })
  assert.deepEqual((await c.delete('/model-versions/delete', { name: 'm', version: '1' })).json, {})
  assert.equal((await c.delete('/model-versions/delete', { name: 'm', version: '1' })).status, 404)
  assert.equal((await c.get('/registered-models/alias', { name: 'm', alias: 'champion' })).status, 400)
  assert.equal((await create(c)).json.model_version.version, '2', 'numbering continues after a delete')
})
