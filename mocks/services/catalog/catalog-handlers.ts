import { http, type RequestHandler } from 'msw'
import type { CatalogContext } from './catalog-context.js'
import { chatCompletions } from './chat-completions.js'
import { detailedError } from './detailed-error.js'
import { developerModels } from './developer-models.js'
import { getModel } from './get-model.js'
import { health, quickHealth } from './health.js'
import { gatewaysStatus, listGateways, listRouters } from './list-gateways.js'
import { listModels } from './list-models.js'
import { listProviders } from './list-providers.js'
import { onPath } from './on-path.js'
import { searchModels } from './search-models.js'
import { trendingModels } from './trending-models.js'
import { uniqueListing } from './unique-listing.js'

type Resolver = (request: Request) => Response | Promise<Response>

/** An unhandled error becomes the backend's detailed 500, never a crash of the mock. */
const guarded =
  (resolve: Resolver, what: string) =>
  async ({ request }: { request: Request }): Promise<Response> => {
    try {
      return await resolve(request)
    } catch {
      return detailedError(500, { type: 'internal_error', message: what, code: 'INTERNAL_ERROR' })
    }
  }

/** The catalog's routes, matching any origin (the load balancer passes requests on unchanged). */
export function catalogHandlers(ctx: CatalogContext): RequestHandler[] {
  return [
    http.get(onPath('/v1/models'), guarded((r) => listModels(r, ctx), 'Failed to get models')),
    http.get(onPath('/models'), guarded((r) => listModels(r, ctx), 'Failed to get models')),
    http.get(onPath('/v1/models/search'), guarded((r) => searchModels(r, ctx), 'Failed to search models')),
    http.get(onPath('/v1/models/unique'), guarded((r) => uniqueListing(r, ctx), 'Failed to get unique models')),
    http.get(onPath('/v1/models/trending'), guarded((r) => trendingModels(r), 'Failed to get trending models')),
    // `model` may contain `/`; concrete routes above win, as in the Era B router
    http.get(onPath('/v1/models/[^/]+/.+'), guarded((r) => getModel(r, ctx), 'Failed to get model')),
    // any other single segment is a developer slug (registered after the fixed /v1/models/* routes)
    http.get(onPath('/v1/models/[^/]+'), guarded((r) => developerModels(r, ctx), 'Failed to get developer models')),
    http.get(onPath('/v1/provider'), guarded((r) => listProviders(r, ctx), 'Failed to get providers')),
    http.get(onPath('/v1/gateways'), guarded(() => listGateways(), 'Failed to fetch gateways')),
    http.get(onPath('/v1/gateways/status'), guarded(() => gatewaysStatus(ctx), 'Failed to fetch gateway status')),
    http.get(onPath('/v1/routers'), guarded(() => listRouters(), 'Failed to fetch routers')),
    http.get(onPath('/health'), guarded(() => health(), 'Health check failed')),
    http.get(onPath('/health/quick'), guarded(() => quickHealth(), 'Health check failed')),
    http.post(onPath('/v1/chat/completions'), guarded((r) => chatCompletions(r, ctx), 'Failed to process chat completion')),
  ]
}
