import { ConfigError } from '../../src/errors.js'

/** A gateway and a model id that must be in its catalog (`hug:katanemo/Arch-Router-1.5B`). */
export interface RequiredModel {
  gateway: string
  model: string
}

/** What the catalog spec checks; see specs/catalog/README.md for the variables. */
export interface CatalogConfig {
  /** undefined: every gateway `GET /v1/gateways` lists */
  gateways: string[] | undefined
  /** pairs of names that must answer the same catalog */
  aliases: Array<[string, string]>
  required: RequiredModel[]
  /** pages in flight at once, over every gateway */
  concurrency: number
  /** the tolerated drop of a gateway's count below another count of it, as a fraction (0.1 = 10%) */
  maxDrop: number
  /** gateway → the fewest models it may report */
  floors: Map<string, number>
  /** the recorded per-gateway counts (catalog-baseline.json) */
  baselineFile: string
}

// The incidents that made the suite: the hug → huggingface rename (#6) and Arch-Router going missing (#8).
const DEFAULT_ALIASES = 'huggingface=hug'
const DEFAULT_REQUIRED = 'hug:katanemo/Arch-Router-1.5B'
// Live: the unauthenticated per-IP limit is 300/min; the mock can take more.
const DEFAULT_CONCURRENCY = { live: 4, mock: 8 }
const DEFAULT_MAX_DROP = '10%'
const DEFAULT_BASELINE = 'catalog-baseline.json'

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean)

/** Reads CATALOG_* from an env record (process env merged with the target's .env files); every problem at once. */
export function readCatalogConfig(env: Record<string, string | undefined>, live: boolean): CatalogConfig {
  const problems: string[] = []
  const value = (name: string): string | undefined => (env[name]?.trim() ? env[name]!.trim() : undefined)

  const gatewaysRaw = value('CATALOG_GATEWAYS')
  const gateways = gatewaysRaw === undefined ? undefined : list(gatewaysRaw).map((g) => g.toLowerCase())
  if (gateways !== undefined && gateways.length === 0) problems.push('CATALOG_GATEWAYS is empty: list gateway slugs separated by commas, or unset it to use /v1/gateways')

  const aliases: Array<[string, string]> = []
  for (const pair of list(value('CATALOG_ALIASES') ?? DEFAULT_ALIASES)) {
    const [a, b, ...rest] = pair.split('=').map((s) => s.trim().toLowerCase())
    if (!a || !b || rest.length > 0 || a === b) problems.push(`CATALOG_ALIASES: "${pair}" must be two different names joined by "=", e.g. huggingface=hug`)
    else aliases.push([a, b])
  }

  const required: RequiredModel[] = []
  for (const item of list(value('CATALOG_REQUIRED_MODELS') ?? DEFAULT_REQUIRED)) {
    // Model ids may contain ':' (`model:free`), gateway slugs never do: split at the first one.
    const at = item.indexOf(':')
    const gateway = item.slice(0, at).trim().toLowerCase()
    const model = item.slice(at + 1).trim()
    if (at <= 0 || !gateway || !model) problems.push(`CATALOG_REQUIRED_MODELS: "${item}" must be <gateway>:<model id>, e.g. hug:katanemo/Arch-Router-1.5B`)
    else required.push({ gateway, model })
  }

  const concurrencyRaw = value('CATALOG_CONCURRENCY')
  const concurrency = concurrencyRaw === undefined ? DEFAULT_CONCURRENCY[live ? 'live' : 'mock'] : Number(concurrencyRaw)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) problems.push(`CATALOG_CONCURRENCY=${concurrencyRaw} must be an integer from 1 to 64`)

  const dropRaw = value('CATALOG_MAX_DROP') ?? DEFAULT_MAX_DROP
  const dropMatch = /^(\d+(?:\.\d+)?)\s*%?$/.exec(dropRaw)
  const maxDrop = dropMatch ? Number(dropMatch[1]) / 100 : Number.NaN
  if (!(maxDrop >= 0 && maxDrop < 1)) problems.push(`CATALOG_MAX_DROP=${dropRaw} must be a percentage from 0 to 99, e.g. 10%`)

  const floors = new Map<string, number>()
  for (const item of list(value('CATALOG_MIN_MODELS') ?? '')) {
    const [gateway, count, ...rest] = item.split(':').map((s) => s.trim())
    const n = Number(count)
    if (!gateway || rest.length > 0 || !/^\d+$/.test(count ?? '')) problems.push(`CATALOG_MIN_MODELS: "${item}" must be <gateway>:<count>, e.g. huggingface:1000`)
    else floors.set(gateway.toLowerCase(), n)
  }

  if (problems.length > 0) {
    throw new ConfigError(`catalog settings are invalid (fix them in the environment or .env.<target>, see .env.example):\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
  return { gateways, aliases, required, concurrency, maxDrop, floors, baselineFile: value('CATALOG_BASELINE') ?? DEFAULT_BASELINE }
}

/** Every name that belongs to an alias pair: a failure on one of them is the alias incident (#6). */
export function aliasNames(pairs: ReadonlyArray<readonly [string, string]>): Set<string> {
  return new Set(pairs.flat())
}
