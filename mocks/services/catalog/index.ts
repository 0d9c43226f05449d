export { createCatalogService } from './create-catalog-service.js'
export { defaultCatalogSettings, type CatalogSettings } from './catalog-settings.js'
export { knownHuggingFaceIds } from './generate-catalog.js'
