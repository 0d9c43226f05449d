import type { RequestHandler } from 'msw'
import type { MockService } from '../../../src/mocks/service.js'
import type { ApiContext } from './api-context.js'
import { benchmarkHandlers } from './benchmarks.js'
import { contributionHandlers } from './contributions.js'
import { corsPreflight, withCors } from './cors.js'
import { dspyHandlers } from './dspy.js'
import { evaluationHandlers } from './evaluations.js'
import { governanceHandlers } from './governance.js'
import { healthHandlers } from './health.js'
import { apiKeyMiddleware } from './middleware.js'
import { mlflowHealthHandlers } from './mlflow-health.js'
import { mlflowProxyHandlers } from './mlflow-proxy.js'
import { modelsRouterHandlers } from './models-router.js'
import type { Principal } from './principal.js'
import { createRouter, internalServerError } from './router.js'
import { scannerFilter } from './scanner-filter.js'
import { servingHandlers } from './serving.js'
import { resolveApiSettings, type ApiSettings } from './settings.js'
import { v1MiscHandlers } from './v1-misc.js'

/** The routers in src/api/main.py's mount order, which is their match order. */
function apiHandlers(ctx: ApiContext): RequestHandler[] {
  return [
    ...healthHandlers(ctx),
    ...mlflowHealthHandlers(ctx),
    ...servingHandlers(ctx),
    ...modelsRouterHandlers(ctx, '/models'),
    ...modelsRouterHandlers(ctx, '/api/models'),
    ...dspyHandlers(),
    ...contributionHandlers(),
    ...evaluationHandlers(),
    ...benchmarkHandlers(),
    ...governanceHandlers(ctx),
    ...v1MiscHandlers(ctx),
    ...mlflowProxyHandlers(ctx),
  ]
}

/**
 * The Hokusai API (FastAPI): scanner filter → API-key middleware (calls `auth`) → CORS → routes
 * (the MLflow proxy calls `mlflow`). Stores live per instance.
 */
export function createApiService({ settings, auth, mlflow }: {
  settings?: Partial<ApiSettings>; auth: MockService; mlflow: MockService
}): MockService {
  const resolved = resolveApiSettings(settings)
  // the validated caller of each in-flight request (FastAPI's request.state)
  const principals = new WeakMap<Request, Principal>()
  const ctx: ApiContext = { settings: resolved, principalOf: (request) => principals.get(request), mlflow, inferenceLogs: new Map() }
  const route = createRouter(apiHandlers(ctx))
  return {
    name: 'api',
    async handle(request) {
      try {
        const scanned = scannerFilter(new URL(request.url).pathname)
        if (scanned) return scanned
        const outcome = await apiKeyMiddleware(request, { auth, settings: resolved })
        if (outcome.kind === 'respond') {
          // §7 #10: the real middleware sits outside CORS, so its answers lack the headers
          return resolved.authResponsesLackCors ? outcome.response : withCors(outcome.response, request)
        }
        if (outcome.principal) principals.set(request, outcome.principal)
        return corsPreflight(request) ?? withCors(await route(request), request)
      } catch {
        return internalServerError()
      }
    },
  }
}
