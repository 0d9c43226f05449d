import type { ApiContext } from './api-context.js'
import { callService } from './call-service.js'

export interface MlflowProbe {
  reachable: boolean
  latencyMs: number
  sampleModel: string | null
  errorType?: string
  error?: string
}

// src/utils/mlflow_health.py: search_registered_models(max_results=1) with a 5 s timeout.
// Any HTTP answer below 500 proves the server is up; the mock reports a fixed latency.
export async function probeMlflow(ctx: ApiContext): Promise<MlflowProbe> {
  const url = `${ctx.settings.mlflowBaseUrl}/api/2.0/mlflow/registered-models/search?max_results=1`
  const result = await callService(ctx.mlflow, new Request(url), 5000)
  if (result.kind === 'timeout') return { reachable: false, latencyMs: 5000, sampleModel: null, errorType: 'Timeout', error: 'MLflow probe timed out after 5s' }
  if (result.kind === 'unreachable') {
    return { reachable: false, latencyMs: 0, sampleModel: null, errorType: 'ConnectionError', error: `Failed to connect to ${ctx.settings.mlflowBaseUrl}` }
  }
  if (result.response.status >= 500) {
    return { reachable: false, latencyMs: 12.5, sampleModel: null, errorType: 'MlflowException', error: `HTTP ${result.response.status}` }
  }
  let sampleModel: string | null = null
  try {
    const body = (await result.response.json()) as { registered_models?: { name?: unknown }[] }
    const name = body.registered_models?.[0]?.name
    sampleModel = typeof name === 'string' ? name : null
  } catch {
    sampleModel = null
  }
  return { reachable: true, latencyMs: 12.5, sampleModel }
}
