import { ConfigError } from '../../../src/errors.js'

/**
 * The catalog service's settings. Every switch but `keys` reproduces one real incident and changes
 * only what that incident changed (incidents.md #6, #7, #8); the defaults are the healthy service.
 */
export interface CatalogSettings {
  /** Bearer keys accepted by POST /v1/chat/completions (synthetic test values only) */
  keys: readonly string[]
  /** #6: after the `hug` → `huggingface` rename deploy, both aliases (and HF chat) got 404 {"detail":"Not Found"} */
  aliasBroken: boolean
  /** #7: only the first N HF models are reachable (the real cache held 101); `total` still claims the full count */
  paginationCap: number | null
  /** with paginationCap: `total` reports the cap too, so paging looks complete (the silently shrunk catalog) */
  paginationCapTotal: boolean
  /** #7: HF pages ignore `offset`; every page repeats page 1 (the 500× duplication) */
  offsetIgnored: boolean
  /** #7: HF pages overlap: each page after the first repeats the previous page's last model */
  duplicatesAcrossPages: boolean
  /** #8: ids absent from every gateway's catalog; chat on them gets the unknown-model answer */
  missingModels: readonly string[]
  /**
   * head: the inference pricing gate runs before the model lookup, so chat on an unknown model answers
   * 400 model_not_priced; false: a deployment from before the gate (404 MODEL_NOT_FOUND)
   */
  pricingGate: boolean
}

export const defaultCatalogSettings: CatalogSettings = {
  keys: [],
  aliasBroken: false,
  paginationCap: null,
  paginationCapTotal: false,
  offsetIgnored: false,
  duplicatesAcrossPages: false,
  missingModels: [],
  pricingGate: true,
}

const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string')

/** Fills defaults and rejects bad values with every problem listed at once. */
export function resolveCatalogSettings(given: Partial<CatalogSettings> = {}): CatalogSettings {
  const settings = { ...defaultCatalogSettings, ...given }
  const problems: string[] = []
  if (!isStringList(settings.keys)) problems.push('keys must be a list of strings')
  if (!isStringList(settings.missingModels)) problems.push('missingModels must be a list of model ids')
  for (const flag of ['aliasBroken', 'paginationCapTotal', 'offsetIgnored', 'duplicatesAcrossPages', 'pricingGate'] as const) {
    if (typeof settings[flag] !== 'boolean') problems.push(`${flag} must be true or false`)
  }
  const cap = settings.paginationCap
  if (cap !== null && !(Number.isInteger(cap) && cap >= 0)) problems.push('paginationCap must be a non-negative integer or null')
  if (settings.paginationCapTotal === true && cap === null) problems.push('paginationCapTotal needs paginationCap: it caps the total at that cap')
  if (problems.length > 0) {
    throw new ConfigError(`catalog mock settings are invalid: ${problems.join('; ')}`)
  }
  return settings
}
