/** One count of a gateway's models and where it came from, in words a finding can quote. */
export interface CountSource {
  count: number
  source: string
}

/** What is known about one gateway's size: its own claim, and counts that do not trust it. */
export interface GatewayCounts {
  /** the registry id (`huggingface`) */
  gateway: string
  /** `total` of `?gateway=<g>`, or why the listing could not say */
  claimed: { total: number; source: string } | { failure: string }
  /** independent counts: the status endpoint, the `gateway=all` listing, the recorded baseline */
  others: CountSource[]
  /** CATALOG_MIN_MODELS for this gateway */
  floor?: number
}

const percent = (x: number): string => `${Number((x * 100).toFixed(1))}%`

/**
 * A catalog that shrinks and reports the shrunk size as its total pages cleanly, so the paging
 * checks cannot see it: compare the claim with every count that does not come from it.
 */
export function shrinkFindings(gateways: readonly GatewayCounts[], maxDrop: number): string[] {
  const out: string[] = []
  for (const g of gateways) {
    if ('failure' in g.claimed) {
      out.push(`${g.claimed.failure}; cannot compare its size with ${g.others.map((o) => o.source).join(', ') || 'any other count'}`)
      continue
    }
    const { total, source } = g.claimed
    const reference = Math.max(0, ...g.others.map((o) => o.count))
    if (reference > 0 && total < reference * (1 - maxDrop)) {
      const drop = (reference - total) / reference
      const others = g.others.map((o) => `${o.source}: ${o.count}`).join('; ')
      out.push(`catalog shrank: gateway ${g.gateway} reports total ${total} (${source}), ${percent(drop)} fewer than ${reference} (${others}); CATALOG_MAX_DROP tolerates ${percent(maxDrop)}`)
    }
    if (g.floor !== undefined && total < g.floor) out.push(`catalog below its floor: gateway ${g.gateway} reports total ${total} (${source}), CATALOG_MIN_MODELS requires at least ${g.floor}`)
  }
  return out
}

/** A gateway the baseline recorded that the registry no longer lists is a shrink too. */
export function vanishedFindings(recorded: Readonly<Record<string, number>>, listed: ReadonlySet<string>, where: string): string[] {
  return Object.entries(recorded)
    .filter(([gateway, count]) => count > 0 && !listed.has(gateway))
    .map(([gateway, count]) => `catalog shrank: gateway ${gateway} is gone from /v1/gateways, the baseline has ${count} models (${where})`)
}
