import type { Baseline } from './baseline.js'
import type { CountSource, GatewayCounts } from './counts.js'
import { listingFailure } from './findings.js'
import type { PageAnswer } from './page.js'
import type { GatewayWalk } from './walk.js'

/** A registry row of GET /v1/gateways: its id and the other names that resolve to it. */
export interface RegistryGateway {
  id: string
  aliases: string[]
}

export interface CountInputs {
  registry: RegistryGateway[]
  /** the gateways checked (CATALOG_GATEWAYS, else every registry id) */
  gateways: string[]
  /** page 1 of each checked gateway's listing */
  firstPages: Map<string, PageAnswer>
  /** GET /v1/gateways/status `model_count` by id; undefined when the endpoint did not answer */
  status: Map<string, number> | undefined
  /** the walk of `gateway=all` */
  all: GatewayWalk
  baseline: { baseline: Baseline; where: string } | undefined
  floors: ReadonlyMap<string, number>
  aliases: ReadonlySet<string>
}

/** The registry rows of a GET /v1/gateways body (none when it is not a list). */
export function registryOf(json: unknown): RegistryGateway[] {
  return ((json as { data?: Array<{ id: string; aliases?: string[] }> } | undefined)?.data ?? []).map((g) => ({ id: g.id, aliases: g.aliases ?? [] }))
}

/** Every name (id, alias, fetch slug) → the registry id, so counts from each source meet. */
export function registryIds(registry: readonly RegistryGateway[]): Map<string, string> {
  const ids = new Map<string, string>()
  for (const g of registry) for (const name of [g.id, ...g.aliases]) ids.set(name.toLowerCase(), g.id.toLowerCase())
  return ids
}

/** Distinct models per registry id in the `gateway=all` listing, from each item's `source_gateway`. */
export function countBySource(all: GatewayWalk, ids: ReadonlyMap<string, string>): Map<string, number> {
  const seen = new Map<string, Set<string>>()
  for (const { answer } of all.chain) {
    const page = answer.page
    page?.ids.forEach((id, j) => {
      const gateway = ids.get((page.sources?.[j] ?? '').toLowerCase())
      if (gateway !== undefined) seen.set(gateway, (seen.get(gateway) ?? new Set()).add(id))
    })
  }
  return new Map([...seen].map(([g, models]) => [g, models.size]))
}

/** Each checked gateway's claimed total beside the counts that do not come from it. */
export function gatherCounts(input: CountInputs): GatewayCounts[] {
  const ids = registryIds(input.registry)
  const fromAll = input.all.chain[0]?.answer.page ? countBySource(input.all, ids) : undefined
  return input.gateways.map((name) => {
    const id = ids.get(name) ?? name
    const others: CountSource[] = []
    const status = input.status?.get(id)
    if (status !== undefined) others.push({ source: '/v1/gateways/status model_count', count: status })
    if (fromAll !== undefined) others.push({ source: 'its models in the gateway=all listing', count: fromAll.get(id) ?? 0 })
    const recorded = input.baseline?.baseline.gateways[id]
    if (recorded !== undefined) others.push({ source: `baseline of ${input.baseline!.baseline.recorded} (${input.baseline!.where})`, count: recorded })
    const first = input.firstPages.get(name)
    const claimed = first?.page
      ? { total: first.page.total, source: `?gateway=${name}` }
      : { failure: first ? listingFailure(name, first, input.aliases) : `gateway ${name}: no listing fetched` }
    return { gateway: id, claimed, others, floor: input.floors.get(name) ?? input.floors.get(id) }
  })
}
