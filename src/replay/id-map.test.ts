import { test } from 'node:test'
import assert from 'node:assert/strict'
import { IdMap } from './id-map.js'

const RUN = '8c92a8968cce4482be84c150504465c9'
const LIVE = '0123456789abcdef0123456789abcdef'

test('id map › a long id is learned from a response and replaced anywhere, plain and URL-encoded', () => {
  const ids = new IdMap()
  ids.learn({ run: { info: { run_id: RUN } } }, { run: { info: { run_id: LIVE } } })
  assert.equal(ids.applyToPath(`/runs/get?run_id=${RUN}&path=1%2F${RUN}%2Fx`), `/runs/get?run_id=${LIVE}&path=1%2F${LIVE}%2Fx`)
  assert.equal(ids.applyToBody(`{"source":"runs:/${RUN}/model"}`), `{"source":"runs:/${LIVE}/model"}`)
})

test('id map › a short id is replaced only as a whole value: id field, id query, path segment', () => {
  const ids = new IdMap()
  ids.learn({ experiment_id: '23' }, { experiment_id: '1' })
  assert.equal(ids.applyToPath('/experiments/get?experiment_id=23&max_results=23'), '/experiments/get?experiment_id=1&max_results=23')
  assert.equal(ids.applyToPath('/artifacts/23/abc/file'), '/artifacts/1/abc/file')
  assert.equal(ids.applyToBody('{"experiment_ids":["23"],"version":"23","source":"mlflow-artifacts:/23/r"}'),
    '{"experiment_ids":["1"],"version":"23","source":"mlflow-artifacts:/1/r"}')
})

test('id map › equal values and non-id keys teach nothing', () => {
  const ids = new IdMap()
  ids.learn({ experiment_id: '1', name: 'a' }, { experiment_id: '1', name: 'b' })
  assert.deepEqual(ids.entries(), [])
})
