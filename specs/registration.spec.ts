import { test, expect, type Exchange, type Target } from '../src/index.js'
import { modelFiles, uploadModel } from './registration/artifact-steps.js'
import { createCleanupList, type CleanupList } from './registration/cleanup-list.js'
import { createLoggedModel, finalizeLoggedModel } from './registration/logged-model-steps.js'
import { curateVersion, emitRegistrationEvent, registerVersion } from './registration/registry-steps.js'
import { createStepRunner, type CallInput, type FlowIo, type StepRunner } from './registration/step-runner.js'
import { findLeftovers, tearDown } from './registration/teardown.js'
import { createExperiment, finishRun, logToRun, proxiedArtifactPath, startRun } from './registration/tracking-steps.js'

// Model registration over plain HTTP exactly as the MLflow client does it: every MLflow call goes to
// {MLFLOW_TRACKING_URI}/api/2.0/mlflow/… with the key as Bearer, and every answer is checked against
// the contract. Only .env.<target> differs between the mock and a real MLflow behind the proxy.

const READY = { timeoutMs: 30_000, intervalMs: 1_000 } // a SQL store is READY at once; other stores take a moment

interface Flow {
  run: StepRunner
  cleanup: CleanupList
}

function flowIo(send: (id: string, input: CallInput) => Promise<Exchange>, target: Target): FlowIo {
  const trackingUri = target.variables.MLFLOW_TRACKING_URI
  if (!trackingUri) throw new Error(`contractwright: target "${target.name}" has no MLFLOW_TRACKING_URI (default: \${HOKUSAI_REGISTRY_URL}/api/mlflow)`)
  return {
    send,
    async judge(x) {
      try {
        await expect(x).toMatchContract()
        return undefined
      } catch (error) {
        return (error as Error).message
      }
    },
    step: (title, body) => test.step(title, (s) => body((reason) => {
      test.info().annotations.push({ type: 'skip', description: `${title}: ${reason}` })
      s.skip(true, reason)
    })),
    note: (type, description) => { test.info().annotations.push({ type, description }) },
    trackingUri,
    secrets: target.secrets,
  }
}

// The teardown is a fixture's: it runs after a failed step and after a timeout too.
const it = test.extend<{ flow: Flow }>({
  flow: async ({ send, target }, use) => {
    const run = createStepRunner(flowIo(send, target))
    const cleanup = createCleanupList()
    await use({ run, cleanup })
    const problems = await tearDown(run, cleanup)
    if (problems.length > 0) {
      throw new Error(`contractwright: the registration teardown left ${problems.length} item(s) behind:\n\n${problems.join('\n\n')}`)
    }
  },
})

it.describe('registration through the MLflow proxy', () => {
  // Serial, so the last test searches the same prefix in the same worker after both flows.
  it.describe.configure({ mode: 'serial', timeout: 120_000 })
  let prefix = ''
  it.beforeAll(({ unique }) => { prefix = unique.next() })
  it.beforeEach(({ target }) => {
    it.skip(target.readOnly && !target.allowMutations,
      `not run: target "${target.name}" is read-only; set CONTRACT_ALLOW_MUTATIONS=1 to register a test model there`)
  })

  it('MLflow 2.x client registers a model @registration @mutating', async ({ flow: { run, cleanup } }) => {
    const names = { experiment: `${prefix}-exp`, run: `${prefix}-run`, model: `${prefix}-model`, token: `${prefix}-token` }
    await run.step('1. connectivity: experiments/search (max_results=1)', () =>
      run.mlflow('searchMlflowExperiments', 'experiments/search', { body: { max_results: 1, view_type: 'ACTIVE_ONLY' } }))
    const experimentId = await run.step('2. experiment: get-by-name → 404, create, get', () => createExperiment(run, names.experiment, cleanup))
    const started = await run.step('3. run: create, log-parameter, log-metric, log-batch, set-tag', async () => {
      const r = await startRun(run, experimentId, names.run, cleanup, Date.now())
      await logToRun(run, r.runId, Date.now())
      return r
    })
    await run.step('4. model artifacts: upload MLmodel and model.pkl, list, download model.pkl', async (skip) => {
      const root = proxiedArtifactPath(started.artifactUri)
      if (!root) return skip(`not run: artifact_uri ${started.artifactUri} is not mlflow-artifacts:/, so clients upload around the proxy`)
      await uploadModel(run, `${root}/model`, modelFiles(started.runId, new Date()))
    })
    const version = await run.step('5. registered model (repeat → 400), version from runs:/, wait for READY', () =>
      registerVersion(run, { model: names.model, source: `runs:/${started.runId}/model`, runId: started.runId }, cleanup, READY))
    await run.step('6. alias set/get/delete, version tag, stage, search, get', () => curateVersion(run, names.model, version, cleanup))
    await run.step('7. runs/update → FINISHED', () => finishRun(run, started.runId, Date.now()))
    await run.step('8. Hokusai registration event on the API host', () =>
      emitRegistrationEvent(run, { model: names.model, version, runId: started.runId, tokenId: names.token }))
  })

  it('MLflow 3.x client registers a logged model @registration @mutating', async ({ flow: { run, cleanup } }) => {
    const names = { experiment: `${prefix}-v3-exp`, run: `${prefix}-v3-run`, model: `${prefix}-v3-model` }
    const experimentId = await run.step('1. experiment: get-by-name → 404, create, get', () => createExperiment(run, names.experiment, cleanup))
    const started = await run.step('2. run: create', () => startRun(run, experimentId, names.run, cleanup, Date.now()))
    const logged = await run.step('3. logged model: create, runs/outputs', () => createLoggedModel(run, experimentId, started.runId, cleanup))
    if (!logged.supported) return it.skip(true, logged.reason)
    await run.step('4. model artifacts: upload to the logged model, list, download model.pkl', async (skip) => {
      const root = proxiedArtifactPath(logged.artifactUri)
      if (!root) return skip(`not run: artifact_uri ${logged.artifactUri} is not mlflow-artifacts:/, so clients upload around the proxy`)
      await uploadModel(run, root, modelFiles(started.runId, new Date()))
    })
    await run.step('5. logged model: finalize → LOGGED_MODEL_READY', () => finalizeLoggedModel(run, logged.modelId))
    await run.step('6. registered model (repeat → 400), version from models:/, wait for READY', () =>
      registerVersion(run, { model: names.model, source: `models:/${logged.modelId}`, runId: started.runId, modelId: logged.modelId }, cleanup, READY))
    await run.step('7. runs/update → FINISHED', () => finishRun(run, started.runId, Date.now()))
  })

  it('nothing with the run prefix is left behind @registration @mutating', async ({ flow: { run } }) => {
    const left = await run.step(`search experiments and registered models named ${prefix}*`, () => findLeftovers(run, prefix))
    expect(left, `left behind by the registration flows (prefix ${prefix})`).toEqual([])
  })
})
