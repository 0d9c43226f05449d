import { listingFailure } from './findings.js'
import { pagesOf, type GatewayWalk } from './walk.js'

/**
 * Incident #6: both names of an alias pair must answer 200 with the same ids, in the same order,
 * and echo the same resolved slug (one of the two names: `hug` for huggingface ≡ hug).
 */
export function compareAliases(a: GatewayWalk, b: GatewayWalk, aliases: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (const w of [a, b]) {
    const first = w.chain[0]?.answer
    if (first && !first.page) out.push(listingFailure(w.gateway, first, aliases))
  }
  if (out.length > 0) return out

  const echoA = a.chain[0]!.answer.page!.gateway
  const echoB = b.chain[0]!.answer.page!.gateway
  if (echoA !== echoB) out.push(`alias broken: ${a.gateway} echoes gateway "${echoA}", ${b.gateway} echoes "${echoB}"`)
  else if (echoA !== a.gateway && echoA !== b.gateway) out.push(`alias broken: ${a.gateway} and ${b.gateway} echo gateway "${echoA}", neither name of the pair`)

  const idsA = pagesOf(a).flat()
  const idsB = pagesOf(b).flat()
  const setB = new Set(idsB)
  const setA = new Set(idsA)
  const onlyA = idsA.filter((id) => !setB.has(id))
  const onlyB = idsB.filter((id) => !setA.has(id))
  if (onlyA.length > 0 || onlyB.length > 0) {
    const sample = (ids: string[], name: string) => (ids.length > 0 ? `, ${ids.length} only in ${name} (e.g. ${ids.slice(0, 3).join(', ')})` : '')
    out.push(`alias broken: ${a.gateway} and ${b.gateway} answer different catalogs: ${idsA.length} vs ${idsB.length} ids${sample(onlyA, a.gateway)}${sample(onlyB, b.gateway)}`)
  } else if (idsA.some((id, i) => id !== idsB[i]) || idsA.length !== idsB.length) {
    out.push(`alias broken: ${a.gateway} and ${b.gateway} list the same ids in a different order or multiplicity`)
  }
  return out
}

/** Alias pairs to check: configured ones plus those `/v1/gateways` declares, each pair once. */
export function mergeAliasPairs(configured: ReadonlyArray<readonly [string, string]>, registry: ReadonlyArray<{ id: string; aliases: readonly string[] }>): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const seen = new Set<string>()
  const add = (a: string, b: string) => {
    const key = [a, b].sort().join('\u0000')
    if (a !== b && !seen.has(key)) { seen.add(key); pairs.push([a, b]) }
  }
  for (const [a, b] of configured) add(a, b)
  for (const g of registry) for (const alias of g.aliases) add(g.id.toLowerCase(), alias.toLowerCase())
  return pairs
}
