/** Something the registration flow created and must delete again, also after a failed step. */
export type Resource =
  | { kind: 'alias'; name: string; alias: string }
  | { kind: 'model-version'; name: string; version: string }
  | { kind: 'registered-model'; name: string }
  | { kind: 'logged-model'; id: string }
  | { kind: 'run'; id: string }
  | { kind: 'experiment'; id: string }

/** One deleting MLflow call, as the step runner sends it through the proxy. */
export interface CleanupAction {
  label: string // "delete registered model cw-…-model"
  operationId: string
  rpc: string // below {MLFLOW_TRACKING_URI}/api/2.0/mlflow/
  input: { path?: Record<string, string>; body?: unknown }
  gone: number[] // statuses that mean "already deleted": success too
}

// Dependents first: an alias before its version, versions before their model, runs before their experiment.
const ORDER: Resource['kind'][] = ['alias', 'model-version', 'registered-model', 'logged-model', 'run', 'experiment']

export interface CleanupList {
  add(r: Resource): void
  /** The flow deleted it itself (the alias step): nothing left to do for it. */
  remove(r: Resource): void
  readonly size: number
  actions(): CleanupAction[]
}

export function createCleanupList(): CleanupList {
  const items: Resource[] = []
  const key = (r: Resource) => JSON.stringify(r)
  return {
    add: (r) => { if (!items.some((i) => key(i) === key(r))) items.push(r) },
    remove: (r) => { const i = items.findIndex((x) => key(x) === key(r)); if (i >= 0) items.splice(i, 1) },
    get size() { return items.length },
    actions: () => ORDER.flatMap((kind) => items.filter((r) => r.kind === kind).reverse().map(actionFor)),
  }
}

function actionFor(r: Resource): CleanupAction {
  switch (r.kind) {
    case 'alias': // idempotent: deleting a missing alias is 200 too
      return { label: `delete alias ${r.alias} of ${r.name}`, operationId: 'deleteMlflowRegisteredModelAlias', rpc: 'registered-models/alias', input: { body: { name: r.name, alias: r.alias } }, gone: [] }
    case 'model-version':
      return { label: `delete model version ${r.name}/${r.version}`, operationId: 'deleteMlflowModelVersion', rpc: 'model-versions/delete', input: { body: { name: r.name, version: r.version } }, gone: [404] }
    case 'registered-model':
      return { label: `delete registered model ${r.name}`, operationId: 'deleteMlflowRegisteredModel', rpc: 'registered-models/delete', input: { body: { name: r.name } }, gone: [404] }
    case 'logged-model':
      return { label: `delete logged model ${r.id}`, operationId: 'deleteMlflowLoggedModel', rpc: `logged-models/${r.id}`, input: { path: { model_id: r.id } }, gone: [404] }
    case 'run':
      return { label: `delete run ${r.id}`, operationId: 'deleteMlflowRun', rpc: 'runs/delete', input: { body: { run_id: r.id } }, gone: [404] }
    case 'experiment':
      return { label: `delete experiment ${r.id}`, operationId: 'deleteMlflowExperiment', rpc: 'experiments/delete', input: { body: { experiment_id: r.id } }, gone: [404] }
  }
}
