import type { CatalogContext } from './catalog-context.js'
import type { CatalogModel } from './catalog-model.js'
import { invalidGatewayError } from './invalid-gateway-error.js'
import { resolveGateway } from './resolve-gateway.js'

/** The models behind a `gateway` value (`all`: the aggregated cache), or the detailed 400 for an unknown one. */
export function gatewayPool(ctx: CatalogContext, raw: string): { slug: string; models: readonly CatalogModel[] } | Response {
  const resolved = resolveGateway(raw)
  if (resolved === undefined) return invalidGatewayError(raw.toLowerCase())
  return { slug: resolved.slug, models: resolved.slug === 'all' ? ctx.allModels : (ctx.catalog.get(resolved.slug) ?? []) }
}

/** Python's `items[offset:][:limit]`, a negative offset counting from the end. */
export function pythonSlice<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset < 0 ? Math.max(items.length + offset, 0) : offset).slice(0, limit)
}
