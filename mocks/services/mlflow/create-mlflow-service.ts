import { serviceFromHandlers, type MockService } from '../../../src/mocks/service.js'
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

// REST is served under both prefixes; `/api/2.0/preview/mlflow` is not routed (mlflow-rest.md §2, #91, #92)
const REST_PREFIXES = ['/api/2.0/mlflow', '/ajax-api/2.0/mlflow']
const ARTIFACT_PREFIXES = ['/api/2.0/mlflow-artifacts', '/ajax-api/2.0/mlflow-artifacts']

/**
 * A mock MLflow tracking server with its own in-memory store (only the Default experiment "0" at
 * start). Unknown paths get Werkzeug's HTML 404 page, known paths with a wrong method the HTML 405 page.
 */
export function createMlflowService({ settings }: { settings?: Partial<MlflowSettings> } = {}): MockService {
  const resolved = resolveMlflowSettings(settings)
  const store = createMlflowStore(resolved.now)
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
    ...toHandlers(serverInfoRoutes(resolved), ['']),
    ...toHandlers(rest, REST_PREFIXES),
    ...toHandlers(artifactRoutes(store), ARTIFACT_PREFIXES),
  ]
  const service = serviceFromHandlers('mlflow', handlers, () => notFoundPage())
  return {
    name: service.name,
    async handle(request) {
      // MSW's path matcher throws URIError on a broken %-escape; Werkzeug finds no route for it
      if (!decodable(new URL(request.url).pathname)) return notFoundPage()
      try {
        return await service.handle(request)
      } catch (error) {
        return errorResponse(error) // bad input never crashes the mock: 500 INTERNAL_ERROR as MLflow would
      }
    },
  }
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}
