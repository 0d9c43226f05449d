import { createHash } from 'node:crypto'
import type { CachedPage, CatalogContext } from './catalog-context.js'
import { fastApiError } from './fastapi-error.js'
import { noteFor } from './gateways.js'
import { invalidGatewayError } from './invalid-gateway-error.js'
import { paginate, type PageFaults } from './paginate.js'
import { pythonTimestamp } from './python-time.js'
import { QueryReader } from './query-reader.js'
import { resolveGateway } from './resolve-gateway.js'
import { uniqueModels } from './unique-models.js'

const HF = 'hug'
const CACHE_LIMIT = 500

/** GET /v1/models and GET /models (gatewayz-catalog.md §3), in the processing order of §3.2. */
export function listModels(request: Request, ctx: CatalogContext): Response {
  const query = new QueryReader(new URL(request.url).searchParams)
  const gatewayParam = query.string('gateway') ?? 'all'
  // incident #6: the HF route was not loaded after the rename deploy; Starlette's router answered
  if (ctx.settings.aliasBroken && ['hug', 'huggingface'].includes(gatewayParam.toLowerCase())) {
    return fastApiError(404, 'Not Found')
  }
  // FastAPI validates every query parameter before the handler runs
  const limit = query.int('limit', { default: 100, ge: 1, le: 1000 })
  const offset = query.int('offset', { default: 0 })
  const provider = query.string('provider')
  const isPrivate = query.bool('is_private')
  const unique = query.bool('unique_models') ?? false
  if (query.issues.length > 0) return fastApiError(422, query.issues)

  const resolved = resolveGateway(gatewayParam)
  if (resolved === undefined) return invalidGatewayError(gatewayParam.toLowerCase())
  const cacheKey = JSON.stringify([resolved.slug, limit, offset, provider, isPrivate, unique])
  const cached = ctx.responseCache.get(cacheKey)
  if (cached !== undefined) return catalogResponse(cached, { 'x-cache': 'HIT' })

  let models = resolved.slug === 'all' ? ctx.allModels : (ctx.catalog.get(resolved.slug) ?? [])
  if (provider !== undefined) {
    const p = provider.toLowerCase()
    models = models.filter((m) => m.id.toLowerCase().startsWith(`${p}/`) || m.provider_slug === p)
  }
  if (isPrivate !== undefined) models = models.filter((m) => m.is_private === isPrivate)
  const items = unique && resolved.slug === 'all' ? uniqueModels(models) : models

  const faults: PageFaults =
    resolved.slug === HF
      ? { cap: ctx.settings.paginationCap, capTotal: ctx.settings.paginationCapTotal, offsetIgnored: ctx.settings.offsetIgnored, overlap: ctx.settings.duplicatesAcrossPages }
      : {}
  const page = paginate<object>(items, offset, limit, faults)
  const etag = createHash('md5').update(JSON.stringify(page.data.slice(0, 5))).digest('hex').slice(0, 16)
  const body = JSON.stringify({
    object: 'list',
    data: page.data,
    total: page.total,
    returned: page.data.length,
    offset,
    limit,
    has_more: page.has_more,
    next_offset: page.next_offset,
    gateway: resolved.slug,
    note: noteFor(resolved.slug),
    timestamp: pythonTimestamp(),
  })
  if (ctx.responseCache.size >= CACHE_LIMIT) ctx.responseCache.clear()
  ctx.responseCache.set(cacheKey, { body, etag })
  return catalogResponse({ body, etag }, {})
}

/** §3.3 response headers; the ETag is the md5 of the first 5 models, truncated to 16 hex. */
function catalogResponse(cached: CachedPage, extra: Record<string, string>): Response {
  return new Response(cached.body, {
    headers: {
      'content-type': 'application/json',
      'cache-control': 'private, max-age=60, must-revalidate',
      etag: `"${cached.etag}"`,
      vary: 'Accept-Encoding',
      ...extra,
    },
  })
}
