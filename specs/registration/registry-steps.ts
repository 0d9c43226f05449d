import type { CleanupList } from './cleanup-list.js'
import { pollUntil } from './poll.js'
import { valueAt, type StepRunner } from './step-runner.js'

export interface VersionSource {
  model: string // registered model name
  source: string // runs:/<run>/model (2.x) or models:/<model_id> (3.x)
  runId: string
  modelId?: string // 3.x: the logged model
}

export interface ReadyWait {
  timeoutMs: number
  intervalMs: number
}

/** `mlflow.register_model(...)`: create the model (a repeat is 400 RESOURCE_ALREADY_EXISTS), a version, then wait for READY. */
export async function registerVersion(run: StepRunner, v: VersionSource, cleanup: CleanupList, wait: ReadyWait): Promise<string> {
  await run.mlflow('createMlflowRegisteredModel', 'registered-models/create', { body: { name: v.model } })
  cleanup.add({ kind: 'registered-model', name: v.model })
  await run.mlflow('createMlflowRegisteredModel', 'registered-models/create', { body: { name: v.model }, expect: [400] }, 'RESOURCE_ALREADY_EXISTS')
  const body = { name: v.model, source: v.source, run_id: v.runId, ...(v.modelId ? { model_id: v.modelId } : {}) }
  const created = await run.mlflow('createMlflowModelVersion', 'model-versions/create', { body })
  const version = run.read(created, 'model_version.version')
  cleanup.add({ kind: 'model-version', name: v.model, version })
  run.expectField(created, 'model_version.source', v.source)
  const outcome = await pollUntil({
    attempt: () => run.mlflow('getMlflowModelVersion', 'model-versions/get', { query: { name: v.model, version } }),
    state: (x) => String(valueAt(x.response.json, 'model_version.status') ?? 'no status'),
    done: (s) => s === 'READY',
    failed: (s) => s === 'FAILED_REGISTRATION',
    ...wait,
  })
  if (!outcome.ok) run.fail(outcome.value, `model version ${v.model}/${version} never became READY: ${outcome.reason}`)
  return version
}

/** Alias set/get/delete, a version tag, a stage transition, then search and get find the version. */
export async function curateVersion(run: StepRunner, model: string, version: string, cleanup: CleanupList): Promise<void> {
  const alias = 'champion'
  await run.mlflow('setMlflowRegisteredModelAlias', 'registered-models/alias', { body: { name: model, alias, version } })
  cleanup.add({ kind: 'alias', name: model, alias })
  const byAlias = await run.mlflow('getMlflowModelVersionByAlias', 'registered-models/alias', { query: { name: model, alias } })
  run.expectField(byAlias, 'model_version.version', version)
  run.expectField(byAlias, 'model_version.aliases', [alias])
  await run.mlflow('deleteMlflowRegisteredModelAlias', 'registered-models/alias', { body: { name: model, alias } })
  cleanup.remove({ kind: 'alias', name: model, alias })

  await run.mlflow('setMlflowModelVersionTag', 'model-versions/set-tag', { body: { name: model, version, key: 'contractwright.validated', value: 'true' } })
  const staged = await run.mlflow('transitionMlflowModelVersionStage', 'model-versions/transition-stage', {
    body: { name: model, version, stage: 'Staging', archive_existing_versions: false },
  })
  run.expectField(staged, 'model_version.current_stage', 'Staging')

  const found = await run.mlflow('searchMlflowRegisteredModels', 'registered-models/search', { query: { filter: `name='${model}'` } })
  const names = ((valueAt(found.response.json, 'registered_models') ?? []) as Array<{ name?: string }>).map((m) => m.name)
  if (names.length !== 1 || names[0] !== model) run.fail(found, `search with filter name='${model}' found ${JSON.stringify(names)}`)
  const got = await run.mlflow('getMlflowRegisteredModel', 'registered-models/get', { query: { name: model } })
  const latest = (valueAt(got.response.json, 'registered_model.latest_versions') ?? []) as Array<{ version?: string }>
  if (!latest.some((l) => l.version === version)) run.fail(got, `registered-models/get shows no version ${version} in latest_versions`)
}

export interface RegistrationEvent {
  model: string
  version: string
  runId: string
  tokenId: string
}

/** The Hokusai SDK's last step: the registration event on the API host (not an MLflow call). */
export async function emitRegistrationEvent(run: StepRunner, e: RegistrationEvent): Promise<void> {
  const x = await run.call('emitTokenizedRegistrationEvent', {
    body: {
      model_name: e.model, version: e.version, token_id: e.tokenId, proposal_identifier: `${e.tokenId}-proposal`,
      metric_name: 'accuracy', baseline_value: 0.92, mlflow_run_id: e.runId, model_uri: `models:/${e.model}/${e.version}`,
      tags: { hokusai_token_id: e.tokenId, benchmark_metric: 'accuracy' },
    },
  })
  run.expectField(x, 'status', 'ok')
  run.expectField(x, 'model_name', e.model)
  run.expectField(x, 'version', e.version)
}
