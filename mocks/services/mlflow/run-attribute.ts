import { latestMetrics } from './run-view.js'
import { MlflowError } from './mlflow-error.js'
import type { RunRecord } from './store.js'

const ATTRIBUTES: Record<string, (r: RunRecord) => string | number | undefined> = {
  run_id: (r) => r.id,
  run_name: (r) => r.name,
  status: (r) => r.status,
  user_id: (r) => r.userId,
  start_time: (r) => r.startTime,
  end_time: (r) => r.endTime,
  artifact_uri: (r) => r.artifactUri,
  experiment_id: (r) => r.experimentId,
}

/** The value `runs/search` filters and orders by for a key such as `params.lr`, `metrics.loss` or `status`. */
export function runAttribute(r: RunRecord, key: string): string | number | undefined {
  const dot = key.indexOf('.')
  const [prefix, name] = dot < 0 ? ['attributes', key] : [key.slice(0, dot).toLowerCase(), key.slice(dot + 1)]
  if (prefix === 'params' || prefix === 'param' || prefix === 'parameter' || prefix === 'parameters') return r.params.get(name)
  if (prefix === 'tags' || prefix === 'tag') return r.tags.get(name)
  if (prefix === 'metrics' || prefix === 'metric') return latestMetrics(r).find((m) => m.key === name)?.value
  if (prefix === 'attributes' || prefix === 'attribute' || prefix === 'attr' || prefix === 'run') {
    const read = ATTRIBUTES[name]
    if (read) return read(r)
  }
  throw MlflowError.invalid(`Invalid attribute key '${key}' specified. Valid keys are ${JSON.stringify(Object.keys(ATTRIBUTES))}`)
}
