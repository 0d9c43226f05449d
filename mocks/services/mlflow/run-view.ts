import type { MetricRecord, RunRecord } from './store.js'
import { tagList } from './tag-list.js'

export function runInfoView(r: RunRecord): Record<string, unknown> {
  return {
    run_uuid: r.id,
    experiment_id: r.experimentId,
    run_name: r.name,
    user_id: r.userId,
    status: r.status,
    start_time: r.startTime,
    ...(r.endTime !== undefined ? { end_time: r.endTime } : {}),
    artifact_uri: r.artifactUri,
    lifecycle_stage: r.lifecycleStage,
    run_id: r.id,
  }
}

// MLflow's latest metric: the highest (step, timestamp, value) per key
function newer(a: MetricRecord, b: MetricRecord): boolean {
  if (a.step !== b.step) return a.step > b.step
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp
  return a.value >= b.value
}

export function latestMetrics(r: RunRecord): MetricRecord[] {
  const latest = new Map<string, MetricRecord>()
  for (const m of r.metrics) {
    const seen = latest.get(m.key)
    if (!seen || newer(m, seen)) latest.set(m.key, m)
  }
  return [...latest.values()]
}

export interface RunViewParts {
  inputs: boolean
  outputs: boolean
}

/** The Run JSON shape; which of `inputs` / `outputs` appear depends on the endpoint and the version (§10). */
export function runView(r: RunRecord, parts: RunViewParts): Record<string, unknown> {
  const metrics = latestMetrics(r)
  const params = tagList(r.params)
  const tags = tagList(r.tags)
  const data = {
    ...(metrics.length ? { metrics: metrics.map(({ key, value, timestamp, step }) => ({ key, value, timestamp, step })) } : {}),
    ...(params ? { params } : {}),
    ...(tags ? { tags } : {}),
  }
  const outputs = r.modelOutputs.length ? { model_outputs: r.modelOutputs.map((o) => ({ ...o })) } : {}
  return {
    info: runInfoView(r),
    data,
    ...(parts.inputs ? { inputs: {} } : {}),
    ...(parts.outputs ? { outputs } : {}),
  }
}
