import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Exchange } from '../../src/index.js'
import { createCleanupList } from './cleanup-list.js'
import { createLoggedModel } from './logged-model-steps.js'
import { exchanges, recorded, SYNTHETIC_KEY } from './recorded.js'
import { StepFailure } from './step-failure.js'
import { createStepRunner, type CallInput, type FlowIo } from './step-runner.js'
import { tearDown } from './teardown.js'
import { proxiedArtifactPath } from './tracking-steps.js'

type Answer = { status: number; body: string; contract?: string }

/** A fake Playwright side: answers by RPC suffix, records what was sent. */
function fakeIo(answers: Record<string, Answer | Answer[]>) {
  const sent: Array<{ operationId: string; input: CallInput }> = []
  const contracts = new WeakMap<Exchange, string | undefined>()
  const io: FlowIo = {
    async send(operationId, input) {
      sent.push({ operationId, input })
      const key = Object.keys(answers).find((k) => input.url?.endsWith(k)) ?? operationId
      const list = answers[key] ?? { status: 200, body: '{}' }
      const a = Array.isArray(list) ? list.shift()! : list
      const x = { ...recorded(operationId.startsWith('delete') ? 'DELETE' : 'POST', input.url ?? `http://api/${operationId}`, a.status, 'application/json', a.body) } as Exchange
      contracts.set(x, a.contract)
      return x
    },
    judge: async (x) => contracts.get(x),
    step: (_title, body) => body((reason) => { throw new Error(`skipped: ${reason}`) }),
    note: () => {},
    trackingUri: 'http://127.0.0.1:4711/api/mlflow/',
    secrets: [SYNTHETIC_KEY],
  }
  return { io, sent }
}

describe('createStepRunner', () => {
  it('sends MLflow calls to {MLFLOW_TRACKING_URI}/api/2.0/mlflow/<rpc> and artifacts below mlflow-artifacts', async () => {
    const { io, sent } = fakeIo({})
    const run = createStepRunner(io)
    await run.mlflow('searchMlflowExperiments', 'experiments/search', { body: { max_results: 1 } })
    await run.artifacts('listMlflowArtifacts', undefined, { query: { path: '1/r/artifacts/model' } })
    await run.artifacts('uploadMlflowArtifact', '1/r/artifacts/model/MLmodel', { rawBody: 'x' })
    assert.deepEqual(sent.map((s) => s.input.url), [
      'http://127.0.0.1:4711/api/mlflow/api/2.0/mlflow/experiments/search',
      'http://127.0.0.1:4711/api/mlflow/api/2.0/mlflow-artifacts/artifacts',
      'http://127.0.0.1:4711/api/mlflow/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/MLmodel',
    ])
  })

  it('fails the current step with the diagnosis and the contract message, key masked', async () => {
    const { io } = fakeIo({ 'experiments/search': { status: 502, body: exchanges.mlflowDown.response.text, contract: `incident dependency down: MLflow\ncurl -H 'Bearer ${SYNTHETIC_KEY}'` } })
    const run = createStepRunner(io)
    const error = await run.step('1. connectivity', () => run.mlflow('searchMlflowExperiments', 'experiments/search')).catch((e: unknown) => e)
    assert.ok(error instanceof StepFailure)
    assert.equal(error.step, '1. connectivity')
    assert.match(error.message, /^registration step "1\. connectivity" failed: MLflow unreachable from the proxy \(502/)
    assert.match(error.message, /incident dependency down: MLflow/)
    assert.ok(!error.message.includes(SYNTHETIC_KEY))
  })

  it('checks the MLflow error_code of an expected error answer', async () => {
    const { io } = fakeIo({ 'registered-models/create': { status: 400, body: '{"error_code":"INVALID_PARAMETER_VALUE","message":"m"}' } })
    const run = createStepRunner(io)
    await assert.rejects(run.mlflow('createMlflowRegisteredModel', 'registered-models/create', { expect: [400] }, 'RESOURCE_ALREADY_EXISTS'),
      /problem {4}expected error_code RESOURCE_ALREADY_EXISTS, got INVALID_PARAMETER_VALUE/)
  })

  it('fails on a status outside the expected ones even when the contract checks pass', async () => {
    const { io } = fakeIo({ 'registered-models/delete': { status: 400, body: exchanges.deleteBodyDropped.response.text } })
    const run = createStepRunner(io)
    await assert.rejects(run.mlflow('deleteMlflowRegisteredModel', 'registered-models/delete', { expect: [200, 404] }),
      /failed: the proxy dropped the DELETE body[^]*problem {4}expected status 200 or 404, got 400/)
  })

  it('reads and compares fields of an answer, failing with the path', async () => {
    const { io } = fakeIo({ 'runs/update': { status: 200, body: '{"run_info":{"status":"RUNNING"}}' } })
    const run = createStepRunner(io)
    const x = await run.mlflow('updateMlflowRun', 'runs/update')
    assert.throws(() => run.expectField(x, 'run_info.status', 'FINISHED'), /expected run_info\.status = "FINISHED", got "RUNNING"/)
    assert.throws(() => run.read(x, 'run_info.run_id'), /the answer has no run_info\.run_id/)
  })
})

describe('tearDown', () => {
  it('tries every delete, accepts "already gone" and reports each failure', async () => {
    const { io, sent } = fakeIo({
      'registered-models/delete': { status: 400, body: exchanges.deleteBodyDropped.response.text, contract: 'Unexpected status' },
      'runs/delete': { status: 404, body: '{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"gone"}' },
    })
    const list = createCleanupList()
    list.add({ kind: 'experiment', id: '7' })
    list.add({ kind: 'run', id: 'r1' })
    list.add({ kind: 'registered-model', name: 'cw-m' })
    const problems = await tearDown(createStepRunner(io), list)
    assert.deepEqual(sent.map((s) => [s.operationId, s.input.expect]), [
      ['deleteMlflowRegisteredModel', [200, 404]], ['deleteMlflowRun', [200, 404]], ['deleteMlflowExperiment', [200, 404]],
    ])
    assert.equal(problems.length, 1)
    assert.match(problems[0]!, /^delete registered model cw-m:\n.*the proxy dropped the DELETE body/)
  })
})

describe('createLoggedModel', () => {
  for (const code of ['ENDPOINT_NOT_FOUND', 'RESOURCE_NOT_FOUND']) {
    it(`reports an MLflow 2.x server (404 ${code}) as not run, creating nothing`, async () => {
      const { io } = fakeIo({ 'logged-models': { status: 404, body: `{"error_code":"${code}","message":"m"}` } })
      const list = createCleanupList()
      const out = await createLoggedModel(createStepRunner(io), '1', 'r1', list)
      assert.equal(out.supported, false)
      assert.match(!out.supported ? out.reason : '', new RegExp(`^not run: .*404 ${code}`))
      assert.equal(list.size, 0)
    })
  }

  it('records the logged model for cleanup and links it to the run', async () => {
    const { io, sent } = fakeIo({ 'logged-models': { status: 200, body: '{"model":{"info":{"model_id":"m-1","artifact_uri":"mlflow-artifacts:/1/models/m-1/artifacts"}}}' } })
    const list = createCleanupList()
    const out = await createLoggedModel(createStepRunner(io), '1', 'r1', list)
    assert.deepEqual(out, { supported: true, modelId: 'm-1', artifactUri: 'mlflow-artifacts:/1/models/m-1/artifacts' })
    assert.deepEqual(sent[1]!.input.body, { run_id: 'r1', models: [{ model_id: 'm-1', step: 0 }] })
    assert.equal(list.size, 1)
  })
})

describe('proxiedArtifactPath', () => {
  const rows = [
    ['mlflow-artifacts:/1/abc/artifacts', '1/abc/artifacts'],
    ['mlflow-artifacts://registry:443/1/abc/artifacts/', '1/abc/artifacts'],
    ['s3://bucket/artifacts/1/abc/artifacts', undefined],
  ] as const
  for (const [uri, want] of rows) it(uri, () => assert.equal(proxiedArtifactPath(uri), want))
})
