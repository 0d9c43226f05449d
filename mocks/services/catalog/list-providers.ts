import type { CatalogContext } from './catalog-context.js'
import type { CatalogModel } from './catalog-model.js'
import { fastApiError } from './fastapi-error.js'
import { gatewayPool, pythonSlice } from './gateway-pool.js'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'
import { QueryReader } from './query-reader.js'

/** GET /v1/provider (gatewayz-catalog.md §6): the providers behind the models, sorted by slug. */
export function listProviders(request: Request, ctx: CatalogContext): Response {
  const query = new QueryReader(new URL(request.url).searchParams)
  const moderatedOnly = query.bool('moderated_only') ?? false
  const limit = query.int('limit', { default: 100, ge: 1, le: 500 })
  const offset = query.int('offset', { default: 0 })
  const gatewayParam = query.string('gateway') ?? 'all'
  if (query.issues.length > 0) return fastApiError(422, query.issues)
  const pool = gatewayPool(ctx, gatewayParam)
  if (pool instanceof Response) return pool

  const bySlug = new Map<string, CatalogModel[]>()
  for (const m of pool.models) bySlug.set(m.provider_slug, [...(bySlug.get(m.provider_slug) ?? []), m])
  // OpenRouter moderates the providers it lists; no other gateway reports moderation
  const providers = [...bySlug].sort(([a], [b]) => a.localeCompare(b)).map(([slug, models]) => {
    const sources = [...new Set(models.map((m) => m.source_gateway))].sort()
    return {
      slug, site_url: models[0]!.provider_site_url, logo_url: models[0]!.model_logo_url,
      moderated_by_openrouter: sources.includes('openrouter'), source_gateway: sources[0]!, source_gateways: sources, model_count: models.length,
    }
  }).filter((p) => !moderatedOnly || p.moderated_by_openrouter)
  const data = pythonSlice(providers, offset, limit)
  return jsonResponse({ data, total: providers.length, returned: data.length, offset, limit, gateway: pool.slug, timestamp: pythonTimestamp() })
}
