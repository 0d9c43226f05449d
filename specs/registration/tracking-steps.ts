import type { CleanupList } from './cleanup-list.js'
import { valueAt, type StepRunner } from './step-runner.js'

// The REST calls an MLflow client makes for set_experiment, start_run, log_* and the end of a run
// (bodies as MLflow's rest_store sends them: run-scoped RPCs repeat run_id as the legacy run_uuid).

/** `mlflow.set_experiment(name)` for a fresh name: get-by-name → 404, create, get. Returns the id. */
export async function createExperiment(run: StepRunner, name: string, cleanup: CleanupList): Promise<string> {
  await run.mlflow('getMlflowExperimentByName', 'experiments/get-by-name', { query: { experiment_name: name }, expect: [404] }, 'RESOURCE_DOES_NOT_EXIST')
  const created = await run.mlflow('createMlflowExperiment', 'experiments/create', { body: { name } })
  const id = run.read(created, 'experiment_id')
  cleanup.add({ kind: 'experiment', id })
  const got = await run.mlflow('getMlflowExperiment', 'experiments/get', { query: { experiment_id: id } })
  run.expectField(got, 'experiment.name', name)
  return id
}

export interface StartedRun {
  runId: string
  artifactUri: string
}

/** `mlflow.start_run(run_name=…)`: runs/create with start_time and the client's tags. */
export async function startRun(run: StepRunner, experimentId: string, runName: string, cleanup: CleanupList, now: number): Promise<StartedRun> {
  const tags = [
    { key: 'mlflow.user', value: 'contractwright' },
    { key: 'mlflow.source.name', value: 'specs/registration.spec.ts' },
    { key: 'mlflow.source.type', value: 'LOCAL' },
  ]
  const created = await run.mlflow('createMlflowRun', 'runs/create', { body: { experiment_id: experimentId, start_time: now, tags, run_name: runName } })
  const runId = run.read(created, 'run.info.run_id')
  cleanup.add({ kind: 'run', id: runId })
  run.expectField(created, 'run.info.status', 'RUNNING')
  return { runId, artifactUri: run.read(created, 'run.info.artifact_uri') }
}

/** log_param, log_metric, log_params/log_metrics (one batch) and set_tag. */
export async function logToRun(run: StepRunner, runId: string, now: number): Promise<void> {
  const ids = { run_id: runId, run_uuid: runId }
  await run.mlflow('logMlflowParam', 'runs/log-parameter', { body: { ...ids, key: 'model_type', value: 'LogisticRegression' } })
  await run.mlflow('logMlflowMetric', 'runs/log-metric', { body: { ...ids, key: 'accuracy', value: 0.92, timestamp: now, step: 0 } })
  await run.mlflow('logMlflowBatch', 'runs/log-batch', {
    body: {
      run_id: runId,
      metrics: [{ key: 'f1', value: 0.9, timestamp: now, step: 0 }],
      params: [{ key: 'C', value: '1.0' }],
      tags: [{ key: 'contractwright.batch', value: 'true' }],
    },
  })
  await run.mlflow('setMlflowRunTag', 'runs/set-tag', { body: { ...ids, key: 'contractwright', value: 'registration-flow' } })
}

/** Leaving `with mlflow.start_run()`: runs/update to FINISHED. */
export async function finishRun(run: StepRunner, runId: string, now: number): Promise<void> {
  const updated = await run.mlflow('updateMlflowRun', 'runs/update', { body: { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: now } })
  run.expectField(updated, 'run_info.status', 'FINISHED')
}

/** The part of an artifact URI below the proxied artifact root, or undefined when uploads bypass the proxy. */
export function proxiedArtifactPath(artifactUri: string): string | undefined {
  // mlflow-artifacts:/<exp>/<run>/artifacts, or with an authority: mlflow-artifacts://host:port/<exp>/…
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/(.+?)\/*$/.exec(artifactUri)
  return m?.[1]
}

/** The names of the files in an artifact listing. */
export function listedFiles(json: unknown): Array<{ path: string; size: number | undefined }> {
  const files = valueAt(json, 'files')
  return Array.isArray(files)
    ? files.map((f: Record<string, unknown>) => ({ path: String(f.path), size: typeof f.file_size === 'number' ? f.file_size : undefined }))
    : []
}
