import type { CatalogModel } from './catalog-model.js'
import type { CatalogSettings } from './catalog-settings.js'
import type { Catalog } from './generate-catalog.js'

/** What every handler of one service instance shares: its settings, its catalog, its response cache. */
export interface CatalogContext {
  readonly settings: CatalogSettings
  /** per fetch slug, with `settings.missingModels` already removed */
  readonly catalog: Catalog
  /** the aggregated multi-provider cache behind `gateway=all` */
  readonly allModels: readonly CatalogModel[]
  /** id → model, over every gateway */
  readonly byId: ReadonlyMap<string, CatalogModel>
  /** the response cache of §3.2 step 2 (per instance, bounded) */
  readonly responseCache: Map<string, CachedPage>
}

/** A rendered /v1/models page, kept for `X-Cache: HIT` answers. */
export interface CachedPage {
  readonly body: string
  readonly etag: string
}
