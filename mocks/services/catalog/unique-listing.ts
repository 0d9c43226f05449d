import type { CatalogContext } from './catalog-context.js'
import { fastApiError } from './fastapi-error.js'
import { jsonResponse } from './json-response.js'
import { QueryReader } from './query-reader.js'
import { uniqueModels } from './unique-models.js'

const SORTS = ['provider_count', 'name', 'cheapest_price'] as const
const cheapest = (m: Record<string, unknown>): number => {
  const prices = (m.providers as Array<{ pricing: { prompt: string } | null }>).map((p) => (p.pricing === null ? Infinity : Number(p.pricing.prompt)))
  return Math.min(...prices)
}

/** GET /v1/models/unique (gatewayz-catalog.md §6): one item per id over every provider, sorted and sliced. */
export function uniqueListing(request: Request, ctx: CatalogContext): Response {
  const query = new QueryReader(new URL(request.url).searchParams)
  const limit = query.int('limit', { default: 100, ge: 1, le: 1000 })
  const offset = query.int('offset', { default: 0, ge: 0 })
  const minProviders = query.int('min_providers', { default: 1, ge: 1 })
  const sortBy = query.literal('sort_by', SORTS, 'provider_count')
  const order = query.literal('order', ['asc', 'desc'] as const, 'desc')
  const includeInactive = query.bool('include_inactive') ?? false
  if (query.issues.length > 0) return fastApiError(422, query.issues)

  const pool = includeInactive ? ctx.allModels : ctx.allModels.filter((m) => m.is_active)
  const items = uniqueModels(pool).filter((m) => (m.provider_count as number) >= minProviders)
  const key = (m: Record<string, unknown>): number | string => (sortBy === 'name' ? String(m.name) : sortBy === 'cheapest_price' ? cheapest(m) : (m.provider_count as number))
  const sign = order === 'asc' ? 1 : -1
  items.sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    return (x < y ? -1 : x > y ? 1 : String(a.id).localeCompare(String(b.id))) * sign
  })
  return jsonResponse({
    models: items.slice(offset, offset + limit), total: items.length, limit, offset,
    filters: { min_providers: minProviders, include_inactive: includeInactive }, sort: { by: sortBy, order },
  })
}
