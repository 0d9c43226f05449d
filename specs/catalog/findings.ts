import { describeDuplicates, findDuplicates, pageRanges } from './duplicates.js'
import { statusText, type PageAnswer } from './page.js'
import { pagesOf, totalOf, type GatewayWalk } from './walk.js'

/**
 * Why a gateway's listing failed, in the incident's words: a name that belongs to an alias pair
 * answering anything but 200 is the slug-rename incident (#6), "alias broken: hug → 404".
 */
export function listingFailure(gateway: string, answer: PageAnswer, aliases: ReadonlySet<string>): string {
  if (answer.status === 200) return `gateway ${gateway}: 200 but the body is not a model list (${answer.detail ?? 'no data/total'})`
  if (answer.status === 429) return `rate limited: ${gateway} → ${statusText(answer)} after every retry`
  if (aliases.has(gateway)) return `alias broken: ${gateway} → ${statusText(answer)}`
  return `gateway ${gateway} → ${statusText(answer)}, expected 200`
}

/** Everything wrong with one walk, most telling first; [] when the gateway pages cleanly. */
export function walkFindings(walk: GatewayWalk, aliases: ReadonlySet<string> = new Set()): string[] {
  const first = walk.chain[0]?.answer
  if (!first?.page) return first ? [listingFailure(walk.gateway, first, aliases)] : []
  const total = totalOf(walk)!
  const pages = pagesOf(walk)
  const out: string[] = []

  walk.chain.forEach(({ offset, answer }, i) => {
    if (i > 0 && !answer.page) out.push(`pagination broken: page ${i + 1} (offset ${offset}) → ${statusText(answer)}`)
  })
  // incident #7: the upstream ignored offset, so every page was page 1 again
  const repeats = pages.map((ids, i) => i).filter((i) => i > 0 && pages[i]!.length > 0 && pages[i]!.every((id, j) => id === pages[0]![j]))
  if (repeats.length > 0) {
    const more = repeats.length > 1 ? ` (so do pages ${pageRanges(repeats.slice(1).map((i) => i + 1))})` : ''
    out.push(`offset ignored: page ${repeats[0]! + 1} repeats page 1${more}`)
  }

  const unique = new Set(pages.flat()).size
  if (unique < total) out.push(`pagination incomplete: reached ${unique} of ${total}`)
  if (unique > total) out.push(`pagination overran: reached ${unique} distinct ids, total claims ${total}`)
  out.push(...describeDuplicates(findDuplicates(pages)))
  if (walk.stopped) out.push(`pagination broken: ${walk.stopped}`)
  out.push(...metadataFindings(walk, total))

  const past = walk.pastEnd
  if (past && !past.page) out.push(`page past the end (offset ${total}) → ${statusText(past)}, expected an empty 200`)
  else if (past?.page && past.page.ids.length > 0) out.push(`page past the end (offset ${total}) is not empty: ${past.page.ids.length} item${past.page.ids.length === 1 ? '' : 's'}`)

  const again = walk.again
  if (again && !again.page) out.push(`order unstable: page 1 fetched again → ${statusText(again)}`)
  else if (again?.page) {
    const a = pages[0]!
    const b = again.page.ids
    const at = a.findIndex((id, j) => id !== b[j])
    if (at >= 0 || a.length !== b.length) {
      const j = at >= 0 ? at : Math.min(a.length, b.length)
      out.push(`order unstable: page 1 fetched twice gave different ids (position ${j + 1}: ${a[j] ?? '(none)'}, then ${b[j] ?? '(none)'})`)
    }
  }
  return out
}

/** `has_more`, `next_offset`, `returned` and `total` must agree with each page and with the next one. */
function metadataFindings(walk: GatewayWalk, total: number): string[] {
  // One line per kind of disagreement: the first page it shows on, then how many more.
  const kinds = new Map<string, { first: string; more: number }>()
  const add = (kind: string, message: string) => {
    const seen = kinds.get(kind)
    if (seen) seen.more++
    else kinds.set(kind, { first: message, more: 0 })
  }
  walk.chain.forEach(({ offset, answer }, i) => {
    const p = answer.page
    if (!p) return
    const n = p.ids.length
    const at = `page ${i + 1} (offset ${offset}, ${n} item${n === 1 ? '' : 's'} of ${total})`
    if (p.total !== total) add('total', `total changed while paging: page 1 says ${total}, page ${i + 1} says ${p.total}`)
    if (p.returned !== n) add('returned', `returned disagrees on ${at}: says ${p.returned}`)
    if (p.offset !== offset) add('offset', `offset echoed as ${p.offset} on ${at}`)
    if (p.has_more !== offset + n < total) add('has_more', `has_more disagrees on ${at}: says ${p.has_more}`)
    if (p.has_more && p.next_offset !== offset + n) add('next_offset', `next_offset disagrees on ${at}: says ${p.next_offset}, expected ${offset + n}`)
    if (!p.has_more && p.next_offset !== null) add('next_offset-last', `next_offset disagrees on ${at}: says ${p.next_offset} on the last page, expected null`)
    const next = walk.chain[i + 1]?.answer.page
    if (p.has_more && next && next.ids.length === 0) add('has_more-empty', `has_more disagrees on ${at}: says more, but page ${i + 2} is empty`)
  })
  return [...kinds.values()].map((k) => (k.more > 0 ? `${k.first} (and on ${k.more} more page${k.more === 1 ? '' : 's'})` : k.first))
}
