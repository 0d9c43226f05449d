import type { CleanupList } from './cleanup-list.js'
import { valueAt, type StepRunner } from './step-runner.js'

export type LoggedModel =
  | { supported: true; modelId: string; artifactUri: string }
  | { supported: false; reason: string }

// An MLflow 2.x server has no logged-models route: it answers ENDPOINT_NOT_FOUND (newer servers) or an
// HTML 404 that the proxy turns into RESOURCE_NOT_FOUND. Earlier calls went through the same proxy, so
// here the 404 means the server, not the proxy's rewriting.
const NO_ENDPOINT = new Set(['ENDPOINT_NOT_FOUND', 'RESOURCE_NOT_FOUND'])

/** `log_model` in an MLflow 3.x client: logged-models create, linked to the run with runs/outputs. */
export async function createLoggedModel(run: StepRunner, experimentId: string, runId: string, cleanup: CleanupList): Promise<LoggedModel> {
  const created = await run.mlflow('createMlflowLoggedModel', 'logged-models', {
    body: { experiment_id: experimentId, name: 'model', source_run_id: runId, model_type: 'contractwright-probe' },
    expect: [200, 404],
  })
  if (created.response.status === 404) {
    const code = String(valueAt(created.response.json, 'error_code'))
    if (NO_ENDPOINT.has(code)) {
      return { supported: false, reason: `not run: the MLflow server has no logged-models endpoint (404 ${code}), so it is not MLflow 3.x; the 3.x client flow cannot run there` }
    }
    run.fail(created, `logged-models create answered 404 ${code}`)
  }
  const modelId = run.read(created, 'model.info.model_id')
  cleanup.add({ kind: 'logged-model', id: modelId })
  await run.mlflow('logMlflowRunOutputs', 'runs/outputs', { body: { run_id: runId, models: [{ model_id: modelId, step: 0 }] } })
  return { supported: true, modelId, artifactUri: run.read(created, 'model.info.artifact_uri') }
}

/** After the uploads: PATCH the logged model to LOGGED_MODEL_READY. */
export async function finalizeLoggedModel(run: StepRunner, modelId: string): Promise<void> {
  const done = await run.mlflow('finalizeMlflowLoggedModel', `logged-models/${modelId}`, {
    path: { model_id: modelId }, body: { status: 'LOGGED_MODEL_READY' },
  })
  run.expectField(done, 'model.info.status', 'LOGGED_MODEL_READY')
}
