import { serviceFromHandlers, type MockService } from '../../../src/mocks/service.js'
import type { CatalogContext } from './catalog-context.js'
import type { CatalogModel } from './catalog-model.js'
import { catalogHandlers } from './catalog-handlers.js'
import { resolveCatalogSettings, type CatalogSettings } from './catalog-settings.js'
import { generateCatalog } from './generate-catalog.js'
import { starletteFallback } from './starlette-fallback.js'

const byName = (a: CatalogModel, b: CatalogModel): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The Gatewayz catalog service (Era B): GET /v1/models …, /v1/gateways, /health, POST /v1/chat/completions. */
export function createCatalogService(given: Partial<CatalogSettings> = {}): MockService {
  const settings = resolveCatalogSettings(given)
  const missing = new Set(settings.missingModels)
  const catalog = new Map<string, readonly CatalogModel[]>()
  for (const [slug, models] of generateCatalog()) catalog.set(slug, models.filter((m) => !missing.has(m.id)))
  const allModels = [...catalog.values()].flat().sort(byName)
  const ctx: CatalogContext = {
    settings,
    catalog,
    allModels,
    byId: new Map(allModels.map((m) => [m.id, m])),
    responseCache: new Map(),
  }
  return serviceFromHandlers('catalog', catalogHandlers(ctx), starletteFallback)
}
