import { serviceFromHandlers, type MockService } from '../../../src/mocks/service.js'
import { withAdminGateway } from './admin-gateway.js'
import { aliasRoutes } from './aliases.js'
import { artifactRoutes, runArtifactRoutes } from './artifacts.js'
import { experimentRoutes } from './experiments.js'
import { loggedModelRoutes } from './logged-models.js'
import { modelVersionRoutes } from './model-versions.js'
import { registeredModelRoutes } from './registered-models.js'
import { errorResponse, notFoundPage } from './responses.js'
import { runLoggingRoutes } from './run-logging.js'
import { runRoutes } from './runs.js'
import { serverInfoRoutes } from './server-info.js'
import { resolveMlflowSettings, type MlflowSettings } from './settings.js'
import { createMlflowStore } from './store.js'
import { toHandlers } from './to-handlers.js'

// REST is served under both prefixes; `/api/2.0/preview/mlflow` is not routed (mlflow-rest.md §2, #91, #92).
// A static prefix moves the ajax-api copy and the /health and /version pages, never /api/2.0 (mlflow-proxy.md §2).
const restPrefixes = (prefix: string) => ['/api/2.0/mlflow', `${prefix}/ajax-api/2.0/mlflow`]
const artifactPrefixes = (prefix: string) => ['/api/2.0/mlflow-artifacts', `${prefix}/ajax-api/2.0/mlflow-artifacts`]
// Hokusai's container runs `mlflow server --static-prefix /mlflow` behind its admin gateway (mlflow-proxy.md §10)
const HOKUSAI_STATIC_PREFIX = '/mlflow'

/**
 * A mock MLflow tracking server with its own in-memory store (only the Default experiment "0" at
 * start). Unknown paths get Werkzeug's HTML 404 page, known paths with a wrong method the HTML 405 page.
 * Without `auth` it is the bare server the transcripts recorded; with `auth` it is Hokusai's MLflow
 * container: static prefix /mlflow, behind the admin gateway that validates keys with `auth`.
 */
export function createMlflowService({ settings, auth }: { settings?: Partial<MlflowSettings>; auth?: MockService } = {}): MockService {
  const resolved = resolveMlflowSettings(settings)
  const store = createMlflowStore(resolved.now)
  const prefix = auth ? HOKUSAI_STATIC_PREFIX : ''
  const rest = [
    ...experimentRoutes(store),
    ...runRoutes(store, resolved),
    ...runLoggingRoutes(store, resolved),
    ...runArtifactRoutes(store),
    ...registeredModelRoutes(store, resolved),
    ...aliasRoutes(store, resolved),
    ...modelVersionRoutes(store, resolved),
    ...(resolved.features.loggedModels ? loggedModelRoutes(store) : []),
  ]
  const handlers = [
    ...toHandlers(serverInfoRoutes(resolved), [prefix]),
    ...toHandlers(rest, restPrefixes(prefix)),
    ...toHandlers(artifactRoutes(store), artifactPrefixes(prefix)),
  ]
  const service = serviceFromHandlers('mlflow', handlers, () => notFoundPage())
  const server = async (request: Request): Promise<Response> => {
    // MSW's path matcher throws URIError on a broken %-escape; Werkzeug finds no route for it
    if (!decodable(new URL(request.url).pathname)) return notFoundPage()
    try {
      return await service.handle(request)
    } catch (error) {
      return errorResponse(error) // bad input never crashes the mock: 500 INTERNAL_ERROR as MLflow would
    }
  }
  const front = auth ? withAdminGateway(server, auth) : server
  return {
    name: service.name,
    async handle(request) {
      const response = await front(request)
      // a HEAD answer never has a body, whichever page or handler made it
      return request.method === 'HEAD' ? withoutBody(response) : response
    },
  }
}

function withoutBody(response: Response): Response {
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}
