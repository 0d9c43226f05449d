import { http, HttpResponse, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp } from './fastapi-responses.js'
import { probeMlflow } from './mlflow-probe.js'

// Root, health and documentation routes (hokusai-api.md §5.1, §5.2), intended behaviour by default.

const rootBody = {
  service: 'Hokusai Data Pipeline API', version: '1.0.0', health_check: '/health',
  health_endpoints: ['/health', '/ready', '/live', '/health/mlflow', '/health/status'], documentation: '/docs',
}
const healthBody = () => ({
  status: 'healthy', version: '1.0.0', services: { api: 'healthy', dependency_checks: 'skipped' },
  timestamp: naiveTimestamp(), system_info: null,
})
const html = (title: string) =>
  HttpResponse.html(`<!DOCTYPE html><html><head><title>${title}</title></head><body><div id="app"></div></body></html>`)

export function healthHandlers(ctx: ApiContext): RequestHandler[] {
  const { settings } = ctx
  const brokenDetail = () => detailResponse('Internal server error', 500)
  return [
    http.get('*/', () => jsonResponse(rootBody)),
    http.get('*/health', async ({ request }) => {
      const read = await contractRequest(request) // `detailed` is a bool: other text is FastAPI's 422
      if (!read.ok) return read.response
      if (new URL(request.url).searchParams.get('detailed') !== 'true') return jsonResponse(healthBody())
      // §7 #1: the real code answers 500 here; intended is per-dependency detail, 503 when unhealthy
      if (settings.detailedHealthBroken) return brokenDetail()
      const probe = await probeMlflow(ctx)
      const mlflow = probe.reachable ? 'healthy' : 'unhealthy'
      return jsonResponse({
        ...healthBody(), status: probe.reachable ? 'healthy' : 'unhealthy', services: { api: 'healthy', mlflow },
      }, probe.reachable ? 200 : 503)
    }),
    http.get('*/health/alb', () => jsonResponse({ status: 'healthy', timestamp: naiveTimestamp() })),
    http.get('*/health/status', async () => {
      // §7 #2: the real code reaches the broken detailed check and answers 500
      if (settings.detailedHealthBroken) return detailResponse('1 validation error for HealthCheckResponse\nservices.mlflow\n  Input should be a valid string', 500)
      const probe = await probeMlflow(ctx)
      return jsonResponse({
        timestamp: naiveTimestamp(), api_version: '1.0.0', service_name: 'hokusai-registry',
        overall_health: probe.reachable ? 'healthy' : 'degraded',
        services: { api: 'healthy', mlflow: probe.reachable ? 'healthy' : 'unhealthy' },
        mlflow: { status: probe.reachable ? 'connected' : 'disconnected', circuit_breaker: probe.reachable ? 'CLOSED' : 'OPEN' },
        system_info: null, uptime_seconds: 3600, environment: 'development',
      })
    }),
    http.get('*/ready', () => {
      const warm = settings.model30WarmupState === 'ready'
      return jsonResponse({
        ready: warm, can_serve_traffic: warm,
        checks: [{ name: 'database', status: 'healthy' }, { name: 'model_30_warmup', status: warm ? 'healthy' : settings.model30WarmupState }],
        degraded_mode: false,
        model_30: { warmup_state: settings.model30WarmupState, prewarm_enabled: true },
        warmup_duration_ms: warm ? 1834.2 : null,
      }, warm ? 200 : 503)
    }),
    http.get('*/live', () => jsonResponse({ alive: true, uptime: 0, memory_usage_mb: 256.5 })),
    http.get('*/version', () => jsonResponse({ version: '1.0.0', build_date: '2025-01-01', git_commit: 'unknown', api_version: 'v1' })),
    http.get('*/metrics', () => HttpResponse.text(
      '# HELP hokusai_requests_total Total requests\n# TYPE hokusai_requests_total counter\nhokusai_requests_total 0\n',
      { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } },
    )),
    http.get('*/debug', () => detailResponse('Debug endpoint not available', 404)),
    ...(settings.sentryDebugRoute ? [http.get('*/sentry-debug', () => detailResponse('Internal server error', 500))] : []),
    http.get('*/docs', () => html('Hokusai Data Pipeline API - Swagger UI')),
    http.get('*/docs/oauth2-redirect', () => html('Swagger UI: OAuth2 Redirect')),
    http.get('*/redoc', () => html('Hokusai Data Pipeline API - ReDoc')),
    http.get('*/openapi.json', () => jsonResponse({ openapi: '3.1.0', info: { title: 'Hokusai Data Pipeline API', version: '1.0.0' }, paths: {} })),
    // §7 #3: intended 200; with the switch off there is no route (404 after auth)
    ...(settings.apiHealthRoute ? [http.get('*/api/health', () => jsonResponse(healthBody()))] : []),
  ]
}
