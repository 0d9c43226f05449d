import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { detailResponse, jsonResponse } from './fastapi-responses.js'
import { findModel, modelInfo, modelUriOf, type ModelEntry } from './model-registry.js'
import { predict } from './predict.js'
import type { ApiSettings } from './settings.js'

// src/api/endpoints/model_serving.py, prefix /api/v1/models (hokusai-api.md §5.3, §6).

function readinessOf(entry: ModelEntry, settings: ApiSettings, warmup: boolean): Record<string, unknown> {
  const warming = entry.id === '30' && settings.model30WarmupState !== 'ready'
  const status = warming ? (settings.model30WarmupState === 'failed' ? 'error' : 'warming') : warmup ? 'ready' : 'not_cached'
  const readiness: Record<string, unknown> = { checked: warmup, model_uri: modelUriOf(entry, settings), status }
  if (status === 'error') readiness.error = 'Model warm-up failed'
  if (warmup) Object.assign(readiness, { selected_model: entry.name, artifact_load_ms: 812.4, inference_only_ms: 21.3 })
  return readiness
}

/** Per-model health (§6.6); an unknown id is 404 unless the §7 #4 bug is switched on. */
function modelHealth(modelId: string, settings: ApiSettings, warmup: boolean): Response {
  const entry = findModel(modelId)
  if (!entry) {
    if (!settings.unknownModelHealth200) return detailResponse(`Model ${modelId} not found`, 404)
    return jsonResponse({ model_id: modelId, status: 'unhealthy', error: `404: Model ${modelId} not found` })
  }
  if (entry.storageType !== 'mlflow') {
    return jsonResponse({ model_id: entry.id, status: 'healthy', is_cached: false, storage_type: entry.storageType, inference_ready: true })
  }
  const readiness = readinessOf(entry, settings, warmup)
  return jsonResponse({
    model_id: entry.id,
    status: 'healthy',
    is_cached: warmup,
    storage_type: entry.storageType,
    inference_ready: readiness.status === 'ready',
    readiness,
    mlflow_sdk: { reachable: true, tracking_uri: settings.mlflowBaseUrl, latency_ms: 9.71, sample_model: null },
  })
}

export function servingHandlers(ctx: ApiContext): RequestHandler[] {
  // deploy-stale (incident deploy-mismatch): the running build lacks the serving router
  if (!ctx.settings.servingRoutes) return []
  return [
    http.get('*/api/v1/models/:model_id/info', ({ params }) => {
      const entry = findModel(String(params.model_id))
      return entry ? jsonResponse(modelInfo(entry, ctx.settings)) : detailResponse(`Model ${String(params.model_id)} not found`, 404)
    }),
    http.post('*/api/v1/models/:model_id/predict', ({ request, params }) => predict(request, String(params.model_id), ctx)),
    http.get('*/api/v1/models/:model_id/health', ({ request, params }) => {
      const warmup = new URL(request.url).searchParams.get('warmup')
      return modelHealth(String(params.model_id), ctx.settings, ['true', '1', 'yes', 'on'].includes(warmup ?? ''))
    }),
  ]
}
