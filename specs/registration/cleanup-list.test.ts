import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createCleanupList } from './cleanup-list.js'

describe('createCleanupList', () => {
  it('deletes dependents first: alias, version, model, logged model, run, experiment', () => {
    const list = createCleanupList()
    list.add({ kind: 'experiment', id: '7' })
    list.add({ kind: 'run', id: 'r1' })
    list.add({ kind: 'registered-model', name: 'cw-m' })
    list.add({ kind: 'model-version', name: 'cw-m', version: '1' })
    list.add({ kind: 'logged-model', id: 'm-1' })
    list.add({ kind: 'alias', name: 'cw-m', alias: 'champion' })
    assert.deepEqual(list.actions().map((a) => a.operationId), [
      'deleteMlflowRegisteredModelAlias', 'deleteMlflowModelVersion', 'deleteMlflowRegisteredModel',
      'deleteMlflowLoggedModel', 'deleteMlflowRun', 'deleteMlflowExperiment',
    ])
  })

  it('builds the MLflow request of each delete, and treats 404 as already gone (except the idempotent alias)', () => {
    const list = createCleanupList()
    list.add({ kind: 'model-version', name: 'cw-m', version: '2' })
    list.add({ kind: 'logged-model', id: 'm-9' })
    list.add({ kind: 'alias', name: 'cw-m', alias: 'champion' })
    const [alias, version, logged] = list.actions()
    assert.deepEqual(alias, { label: 'delete alias champion of cw-m', operationId: 'deleteMlflowRegisteredModelAlias', rpc: 'registered-models/alias', input: { body: { name: 'cw-m', alias: 'champion' } }, gone: [] })
    assert.deepEqual(version!.input, { body: { name: 'cw-m', version: '2' } })
    assert.deepEqual(version!.gone, [404])
    assert.deepEqual(logged!.input, { path: { model_id: 'm-9' } })
    assert.equal(logged!.rpc, 'logged-models/m-9')
  })

  it('deletes later creations of one kind first, ignores duplicates and forgets what the flow removed itself', () => {
    const list = createCleanupList()
    list.add({ kind: 'run', id: 'a' })
    list.add({ kind: 'run', id: 'b' })
    list.add({ kind: 'run', id: 'b' })
    list.add({ kind: 'alias', name: 'm', alias: 'x' })
    list.remove({ kind: 'alias', name: 'm', alias: 'x' })
    assert.equal(list.size, 2)
    assert.deepEqual(list.actions().map((a) => a.label), ['delete run b', 'delete run a'])
  })
})
