import type { CatalogContext } from './catalog-context.js'
import { detailedError } from './detailed-error.js'
import { fastApiError } from './fastapi-error.js'
import { gatewayPool, pythonSlice } from './gateway-pool.js'
import { jsonResponse } from './json-response.js'
import { QueryReader } from './query-reader.js'

/**
 * GET /v1/models/{developer} (gatewayz-catalog.md §6): one developer's models in their own envelope.
 * The developer is matched as the `provider` filter of /v1/models is: id prefix `<developer>/` or slug.
 */
export function developerModels(request: Request, ctx: CatalogContext): Response {
  const url = new URL(request.url)
  const developer = decodeURIComponent(url.pathname.replace(/\/$/, '').split('/').at(-1)!)
  const query = new QueryReader(url.searchParams)
  const limit = query.int('limit', { default: 100, ge: 1, le: 1000 })
  const offset = query.int('offset', { default: 0 })
  const gatewayParam = query.string('gateway') ?? 'all'
  if (query.issues.length > 0) return fastApiError(422, query.issues)
  const pool = gatewayPool(ctx, gatewayParam)
  if (pool instanceof Response) return pool
  if (pool.models.length === 0) {
    return detailedError(503, { type: 'service_unavailable', message: 'Models data unavailable', detail: 'Models data unavailable', code: 'SERVICE_UNAVAILABLE' })
  }
  const d = developer.toLowerCase()
  const models = pool.models.filter((m) => m.id.toLowerCase().startsWith(`${d}/`) || m.provider_slug === d)
  const page = pythonSlice(models, offset, limit)
  return jsonResponse({ developer, models: page, total: models.length, count: page.length, offset, limit, gateway: pool.slug })
}
