import type { CatalogContext } from './catalog-context.js'
import type { CatalogModel } from './catalog-model.js'
import { fastApiError } from './fastapi-error.js'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'
import { QueryReader } from './query-reader.js'
import { resolveGateway } from './resolve-gateway.js'

const price = (m: CatalogModel): number => (m.pricing === null ? 0 : Number(m.pricing.prompt))
const sorters: Record<string, (a: CatalogModel, b: CatalogModel) => number> = {
  price: (a, b) => price(a) - price(b),
  context: (a, b) => a.context_length - b.context_length,
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
}

/** GET /v1/models/search (gatewayz-catalog.md §6): filters, sort, then limit (20, ≤100) / offset (≥0). */
export function searchModels(request: Request, ctx: CatalogContext): Response {
  const query = new QueryReader(new URL(request.url).searchParams)
  const q = query.string('q')
  const modality = query.string('modality')
  const isPrivate = query.bool('is_private')
  const minContext = query.float('min_context')
  const maxContext = query.float('max_context')
  const minPrice = query.float('min_price')
  const maxPrice = query.float('max_price')
  const gateway = query.string('gateway') ?? 'all'
  const sortBy = query.string('sort_by') ?? 'popularity'
  const order = query.string('order') ?? 'desc'
  const limit = query.int('limit', { default: 20, ge: 1, le: 100 })
  const offset = query.int('offset', { default: 0, ge: 0 })
  if (query.issues.length > 0) return fastApiError(422, query.issues)

  // an unknown gateway is not validated here: it simply matches nothing
  const resolved = resolveGateway(gateway)
  let models = resolved === undefined ? [] : resolved.slug === 'all' ? ctx.allModels : (ctx.catalog.get(resolved.slug) ?? [])
  const needle = q?.toLowerCase()
  models = models.filter(
    (m) =>
      (needle === undefined || m.id.toLowerCase().includes(needle) || m.name.toLowerCase().includes(needle)) &&
      (modality === undefined || m.modality === modality) &&
      (isPrivate === undefined || m.is_private === isPrivate) &&
      (minContext === undefined || m.context_length >= minContext) &&
      (maxContext === undefined || m.context_length <= maxContext) &&
      (minPrice === undefined || price(m) >= minPrice) &&
      (maxPrice === undefined || price(m) <= maxPrice),
  )
  const sorter = sorters[sortBy]
  if (sorter !== undefined) models = [...models].sort((a, b) => (order === 'asc' ? sorter(a, b) : sorter(b, a)))
  const data = models.slice(offset, offset + limit)
  const filters = { q, modality, is_private: isPrivate, min_context: minContext, max_context: maxContext, min_price: minPrice, max_price: maxPrice, gateway }
  const applied = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  return jsonResponse({
    success: true,
    data,
    meta: { total: models.length, limit, offset, returned: data.length, filters_applied: applied },
    timestamp: pythonTimestamp(),
  })
}
