import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { jsonResponse, naiveTimestamp } from './fastapi-responses.js'
import { probeMlflow } from './mlflow-probe.js'

// /health/mlflow (circuit breaker, src/api/routes/health.py) and /api/health/mlflow*
// (src/api/routes/health_mlflow.py), hokusai-api.md §5.1-§5.2.

export function mlflowHealthHandlers(ctx: ApiContext): RequestHandler[] {
  const { mlflowBaseUrl } = ctx.settings
  const sdkProbe = async () => {
    const probe = await probeMlflow(ctx)
    const body = { status: probe.reachable ? 'ok' : 'error', tracking_uri: mlflowBaseUrl, latency_ms: probe.latencyMs, sample_model: probe.sampleModel }
    if (probe.reachable) return jsonResponse(body)
    return jsonResponse({ ...body, error_type: probe.errorType, error: probe.error }, 503)
  }
  return [
    http.get('*/health/mlflow', async () => {
      const probe = await probeMlflow(ctx)
      const state = probe.reachable ? 'CLOSED' : 'OPEN'
      const timestamp = naiveTimestamp()
      return jsonResponse({
        circuit_breaker_state: state,
        circuit_breaker_details: { state, failure_count: probe.reachable ? 0 : 3, failure_threshold: 3, recovery_timeout: 30 },
        connected: probe.reachable,
        tracking_uri: mlflowBaseUrl,
        connection_timeout: 5,
        error: probe.error ?? null,
        last_check_time: timestamp,
        dns_resolution: { hostname: new URL(mlflowBaseUrl).hostname, resolved: true },
        timestamp,
      }, probe.reachable ? 200 : 503)
    }),
    http.post('*/health/mlflow/reset', () =>
      jsonResponse({ message: 'Circuit breaker reset successfully', timestamp: naiveTimestamp(), reset_by: 'manual_api_call' })),
    http.get('*/api/health/mlflow', sdkProbe),
    http.get('*/api/health/mlflow/detailed', sdkProbe),
    http.get('*/api/health/mlflow/connectivity', sdkProbe),
  ]
}
