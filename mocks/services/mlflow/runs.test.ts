import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService, type MlflowVersion } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withRun(version: MlflowVersion = '3.1.2.dev0') {
  const c = mlflowClient(createMlflowService({ settings: { version } }))
  await c.post('/experiments/create', { name: 'e' })
  const created = await c.post('/runs/create', { experiment_id: '1', run_name: 'r1', start_time: 5, tags: [{ key: 'stage', value: 'dev' }] })
  return { c, created, runId: created.json.run.info.run_id as string }
}

test('runs › create › run_uuid = run_id, runName tag added, artifact_uri under the experiment', async () => {
  const { created, runId } = await withRun()
  const { info, data } = created.json.run
  assert.match(runId, /^[0-9a-f]{32}$/)
  assert.equal(info.run_uuid, runId)
  assert.equal(info.artifact_uri, `mlflow-artifacts:/1/${runId}/artifacts`)
  assert.deepEqual(data.tags, [{ key: 'stage', value: 'dev' }, { key: 'mlflow.runName', value: 'r1' }])
  assert.equal('end_time' in info, false)
})

test('runs › version differences › create has inputs only in 3.x, get has outputs only in 3.x', async () => {
  const v2 = await withRun('2.17.0')
  assert.deepEqual(Object.keys(v2.created.json.run), ['info', 'data'])
  assert.deepEqual(Object.keys((await v2.c.get('/runs/get', { run_id: v2.runId })).json.run), ['info', 'data', 'inputs'])
  const v3 = await withRun('3.1.2.dev0')
  assert.deepEqual(Object.keys(v3.created.json.run), ['info', 'data', 'inputs'])
  assert.deepEqual(Object.keys((await v3.c.get('/runs/get', { run_id: v3.runId })).json.run), ['info', 'data', 'inputs', 'outputs'])
})

test('runs › logging › params immutable, latest metric per key, batch and tags', async () => {
  const { c, runId } = await withRun()
  assert.equal((await c.post('/runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' })).status, 200)
  assert.equal((await c.post('/runs/log-parameter', { run_uuid: runId, key: 'lr', value: '0.1' })).status, 200)
  assert.equal((await c.post('/runs/log-parameter', { run_id: runId, key: 'lr', value: '0.2' })).json.error_code, 'INVALID_PARAMETER_VALUE')
  await c.post('/runs/log-metric', { run_id: runId, key: 'acc', value: 0.5, timestamp: 1, step: 3 })
  await c.post('/runs/log-metric', { run_id: runId, key: 'acc', value: '0.9', timestamp: 2, step: 1 })
  assert.equal((await c.post('/runs/log-metric', { run_id: runId, key: 'acc', value: 1 })).json.error_code, 'INVALID_PARAMETER_VALUE')
  await c.post('/runs/log-batch', { run_id: runId, params: [{ key: 'big', value: 'x'.repeat(7000) }], tags: [{ key: 't', value: 'v' }] })
  assert.equal((await c.post('/runs/log-batch', { run_id: runId, params: [{ key: 'lr', value: '9' }] })).status, 400)
  const { data } = (await c.get('/runs/get', { run_id: runId })).json.run
  assert.deepEqual(data.metrics, [{ key: 'acc', value: 0.5, timestamp: 1, step: 3 }], 'the highest step wins')
  assert.equal(data.params.find((p: { key: string }) => p.key === 'big').value.length, 6000)
  assert.ok(data.tags.some((t: { key: string }) => t.key === 't'))
  const history = await c.get('/metrics/get-history', { run_id: runId, metric_key: 'acc' })
  assert.deepEqual(history.json.metrics.map((m: { value: number }) => m.value), [0.9, 0.5])
})

test('runs › metric history › the SQL store does not look the run up: unknown run 200 {}, metric_key required', async () => {
  const { c } = await withRun()
  const unknown = await c.get('/metrics/get-history', { run_id: 'f'.repeat(32), metric_key: 'accuracy' })
  assert.deepEqual([unknown.status, unknown.json], [200, {}])
  assert.equal((await c.get('/metrics/get-history', { run_id: 'f'.repeat(32) })).json.error_code, 'INVALID_PARAMETER_VALUE')
})

test('runs › update › valid status and end_time applied, unknown status ignored, rename updates the tag', async () => {
  const { c, runId } = await withRun()
  const done = await c.post('/runs/update', { run_id: runId, status: 'FINISHED', end_time: 9, run_name: 'renamed' })
  assert.deepEqual([done.json.run_info.status, done.json.run_info.end_time, done.json.run_info.run_name], ['FINISHED', 9, 'renamed'])
  assert.equal((await c.post('/runs/update', { run_id: runId, status: 'DONE' })).json.run_info.status, 'FINISHED')
  const tags = (await c.get('/runs/get', { run_id: runId })).json.run.data.tags
  assert.ok(tags.some((t: { key: string; value: string }) => t.key === 'mlflow.runName' && t.value === 'renamed'))
})

test('runs › search › filter by params, tags, metrics and status; empty result omits runs', async () => {
  const { c, runId } = await withRun()
  const other = (await c.post('/runs/create', { experiment_id: '1', run_name: 'r2' })).json.run.info.run_id
  await c.post('/runs/log-parameter', { run_id: runId, key: 'lr', value: '0.01' })
  await c.post('/runs/log-metric', { run_id: other, key: 'loss', value: 0.3, timestamp: 1 })
  const ids = async (filter: string) =>
    ((await c.post('/runs/search', { experiment_ids: ['1'], filter })).json.runs ?? []).map((r: { info: { run_id: string } }) => r.info.run_id)
  assert.deepEqual(await ids("params.lr = '0.01'"), [runId])
  assert.deepEqual(await ids("tags.stage = 'dev'"), [runId])
  assert.deepEqual(await ids('metrics.loss < 0.5'), [other])
  assert.equal((await ids("attributes.status = 'RUNNING'")).length, 2)
  assert.deepEqual((await c.post('/runs/search', { experiment_ids: ['0'] })).json, {})
  assert.equal((await c.post('/runs/search', { experiment_ids: ['1'], filter: "bogus.x = '1'" })).status, 400)
})

test('runs › errors › unknown experiment or run 404, deleted experiment and deleted run 400', async () => {
  const { c, runId } = await withRun()
  assert.equal((await c.post('/runs/create', { experiment_id: '99' })).json.error_code, 'RESOURCE_DOES_NOT_EXIST')
  assert.equal((await c.get('/runs/get', { run_id: 'f'.repeat(32) })).status, 404)
  assert.equal((await c.get('/runs/get')).status, 400, 'GET without a query reads as {}: missing run_id')
  await c.post('/runs/delete', { run_id: runId })
  assert.equal((await c.post('/runs/set-tag', { run_id: runId, key: 'k', value: 'v' })).status, 400)
  await c.post('/experiments/delete', { experiment_id: '1' })
  assert.equal((await c.post('/runs/create', { experiment_id: '1' })).status, 400)
})

test('runs › outputs (3.x) › linked models appear in runs/get outputs', async () => {
  const { c, runId } = await withRun()
  assert.deepEqual((await c.post('/runs/outputs', { run_id: runId, models: [{ model_id: 'm-1', step: 0 }] })).json, {})
  assert.deepEqual((await c.get('/runs/get', { run_id: runId })).json.run.outputs, { model_outputs: [{ model_id: 'm-1', step: 0 }] })
})
