import { MlflowError } from './mlflow-error.js'
import type { ExperimentRecord, MlflowStore, ModelRecord, RunRecord, VersionRecord } from './store.js'

// Lookups shared by the handler modules, with the real server's error codes and messages.

export function requireExperiment(store: MlflowStore, id: string): ExperimentRecord {
  const e = store.experiments.get(id)
  if (!e) throw MlflowError.notFound(`No Experiment with id=${id} exists`)
  return e
}

export function requireRun(store: MlflowStore, id: string): RunRecord {
  const r = store.runs.get(id)
  if (!r) throw MlflowError.notFound(`Run with id=${id} not found`)
  return r
}

/** Logging into a deleted run is refused, as the SQL store's `_check_run_is_active` does. */
export function requireActiveRun(store: MlflowStore, id: string): RunRecord {
  const r = requireRun(store, id)
  if (r.lifecycleStage !== 'active') {
    throw MlflowError.invalid(`The run ${id} must be in the 'active' state. Current state is ${r.lifecycleStage}.`)
  }
  return r
}

export function requireModel(store: MlflowStore, name: string): ModelRecord {
  const m = store.models.get(name)
  if (!m) throw MlflowError.notFound(`Registered Model with name=${name} not found`)
  return m
}

/** `version` must be an integer string; the message differs between versions, the code does not. */
export function parseVersion(version: string, wording: 'v2' | 'v3'): number {
  if (!/^\s*-?\d+\s*$/.test(version)) {
    throw MlflowError.invalid(
      wording === 'v3'
        ? `Parameter 'version' must be an integer, got '${version}'.`
        : `Model version must be an integer, got '${version}'`,
    )
  }
  return Number(version)
}

export function requireVersion(store: MlflowStore, name: string, version: number): { model: ModelRecord; version: VersionRecord } {
  const model = store.models.get(name)
  const v = model?.versions.get(version)
  if (!model || !v) throw MlflowError.notFound(`Model Version (name=${name}, version=${version}) not found`)
  return { model, version: v }
}
