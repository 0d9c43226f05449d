import type { CatalogContext } from './catalog-context.js'
import { gateways } from './gateways.js'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'

// §5: items sorted fast first, then by name; `routers` is always [] (router engine removed).
const sorted = [...gateways].sort((a, b) => (a.priority === b.priority ? (a.name < b.name ? -1 : 1) : a.priority === 'fast' ? -1 : 1))

/** GET /v1/gateways */
export function listGateways(): Response {
  const data = sorted.map((g) => ({
    id: g.id,
    name: g.name,
    color: g.color,
    priority: g.priority,
    site_url: g.siteUrl,
    logo_url: `https://www.google.com/s2/favicons?domain=${g.siteUrl.replace('https://', '')}&sz=128`,
    icon: null,
    aliases: g.aliases,
  }))
  return jsonResponse({ data, routers: [], total: data.length, timestamp: pythonTimestamp() })
}

/** GET /v1/gateways/status: model counts per gateway, from this instance's catalog. */
export function gatewaysStatus(ctx: CatalogContext): Response {
  const data = sorted.map((g) => ({
    id: g.id,
    name: g.name,
    model_count: ctx.catalog.get(g.fetchSlug)?.length ?? 0,
    in_error_state: false,
    error_message: null,
    priority: g.priority,
  }))
  const summary = {
    total_gateways: data.length,
    total_models: data.reduce((n, g) => n + g.model_count, 0),
    gateways_with_errors: 0,
    gateways_with_zero_models: data.filter((g) => g.model_count === 0).length,
  }
  return jsonResponse({ data, summary, timestamp: pythonTimestamp() })
}

/** GET /v1/routers: always empty since the router engine was removed. */
export function listRouters(): Response {
  return jsonResponse({ data: [], total: 0, timestamp: pythonTimestamp() })
}
