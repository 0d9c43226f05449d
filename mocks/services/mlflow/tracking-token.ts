import type { MockService } from '../../../src/mocks/service.js'

/**
 * The MLflow container as the API's own MLflow client sees it (models router lookups, the health
 * probe). Those reads pass the admin gateway too, and the docs describe them as working without
 * naming their credential, so the mock gives them one, as MLFLOW_TRACKING_TOKEN would: a request
 * that carries no key material at all gets `Authorization: Bearer <token>`. Proxied requests always
 * carry the caller's key (header or `api_key` query, the middleware refused the rest) and pass
 * unchanged, so the gateway still judges the caller's own key.
 */
export function withTrackingToken(mlflow: MockService, token: string): MockService {
  return {
    name: mlflow.name,
    handle(request) {
      const keyed = request.headers.has('authorization') || request.headers.has('x-api-key') ||
        new URL(request.url).searchParams.has('api_key')
      if (keyed) return mlflow.handle(request)
      const headers = new Headers(request.headers)
      headers.set('authorization', `Bearer ${token}`)
      return mlflow.handle(new Request(request, { headers }))
    },
  }
}
