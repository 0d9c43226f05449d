import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

async function withRun() {
  const c = mlflowClient(createMlflowService())
  await c.post('/experiments/create', { name: 'e' })
  const runId: string = (await c.post('/runs/create', { experiment_id: '1' })).json.run.info.run_id
  return { c, runId, root: `/api/2.0/mlflow-artifacts/artifacts/1/${runId}/artifacts` }
}

test('artifacts › upload then download › byte-identical, any Content-Type accepted', async () => {
  const { c, root } = await withRun()
  const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13])
  const put = await c.send('PUT', `${root}/model/model.pkl`, bytes, { 'Content-Type': 'application/octet-stream' })
  assert.deepEqual([put.status, put.json], [200, {}])
  const download = await c.send('GET', `${root}/model/model.pkl`)
  assert.deepEqual([download.status, download.contentType], [200, 'application/octet-stream'])
  assert.deepEqual(download.bytes, bytes)
  await c.send('PUT', `${root}/model/MLmodel`, 'artifact_path: model\n')
  const text = await c.send('GET', `${root}/model/MLmodel`)
  assert.deepEqual([text.contentType, text.text], ['text/plain', 'artifact_path: model\n'])
})

test('artifacts › listing › proxied listing is relative to the dir, run listing relative to the run root', async () => {
  const { c, runId, root } = await withRun()
  await c.send('PUT', `${root}/model/MLmodel`, 'abc')
  await c.send('PUT', `${root}/model/sub/deep.txt`, 'abcdef')
  const listed = await c.send('GET', `/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(`1/${runId}/artifacts/model`)}`)
  assert.deepEqual(listed.json, { files: [{ path: 'MLmodel', is_dir: false, file_size: 3 }, { path: 'sub', is_dir: true }] })
  const run = await c.get('/artifacts/list', { run_id: runId, path: 'model' })
  assert.deepEqual(run.json, {
    root_uri: `mlflow-artifacts:/1/${runId}/artifacts`,
    files: [{ path: 'model/MLmodel', is_dir: false, file_size: 3 }, { path: 'model/sub', is_dir: true }],
  })
  assert.deepEqual((await c.get('/artifacts/list', { run_id: runId, path: 'nothing' })).json, { root_uri: `mlflow-artifacts:/1/${runId}/artifacts` })
  assert.deepEqual((await c.send('GET', '/api/2.0/mlflow-artifacts/artifacts?path=9')).json, {}, 'empty listing omits files')
})

test('artifacts › delete › removes a file or a whole directory', async () => {
  const { c, root } = await withRun()
  await c.send('PUT', `${root}/model/a`, 'a')
  await c.send('PUT', `${root}/model/b`, 'b')
  assert.equal((await c.send('DELETE', `${root}/model`)).status, 200)
  assert.equal((await c.send('GET', `${root}/model/a`)).status, 404)
})

test('artifacts › errors › missing file 404 JSON, traversal 400, unknown run 404', async () => {
  const { c, root } = await withRun()
  const missing = await c.send('GET', `${root}/nope`)
  assert.deepEqual([missing.status, missing.json.error_code], [404, 'RESOURCE_DOES_NOT_EXIST'])
  assert.equal((await c.send('GET', `/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent('1/../x')}`)).status, 400)
  const broken = await c.send('GET', `${root}/%E0%A4%A`)
  assert.deepEqual([broken.status, broken.contentType], [404, 'text/html; charset=utf-8'], 'a broken escape finds no route, no crash')
  assert.equal((await c.get('/artifacts/list', { run_id: 'f'.repeat(32) })).status, 404)
})
