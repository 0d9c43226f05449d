import type { FetchPage, PageAnswer } from './page.js'

/** What one gateway's walk saw: the chain a client follows, plus the probes the checks need. */
export interface GatewayWalk {
  gateway: string
  limit: number
  /** pages in the order a client reaches them: offset 0, then each `next_offset` while `has_more` */
  chain: Array<{ offset: number; answer: PageAnswer }>
  /** offset = total: must be an empty 200 */
  pastEnd?: PageAnswer
  /** page 1 fetched a second time: must list the same ids */
  again?: PageAnswer
  /** why the chain stopped early, when it did not end with has_more = false */
  stopped?: string
}

// A server that keeps saying has_more must not hang the run: no real catalog needs this many pages.
const MAX_PAGES = 200

/**
 * Pages through one gateway the way the HEAD frontend does (`offset = next_offset` until `has_more`
 * is false). The pages `total` predicts are requested at once, so the pool can run them concurrently;
 * the chain still only uses what the server's own `next_offset` points at.
 */
export async function walkGateway(gateway: string, fetchPage: FetchPage, limit: number): Promise<GatewayWalk> {
  const walk: GatewayWalk = { gateway, limit, chain: [] }
  const first = await fetchPage(gateway, 0, limit)
  const requests = new Map<number, Promise<PageAnswer>>([[0, Promise.resolve(first)]])
  const page = (offset: number): Promise<PageAnswer> => {
    let answer = requests.get(offset)
    if (!answer) {
      requests.set(offset, (answer = fetchPage(gateway, offset, limit)))
      answer.catch(() => {}) // a prefetched page nobody awaits must not become an unhandled rejection
    }
    return answer
  }
  const total = first.page?.total ?? 0
  const probes: Promise<unknown>[] = []
  if (first.page && total > 0) {
    for (let offset = limit; offset < total && offset / limit < MAX_PAGES; offset += limit) void page(offset)
    probes.push(fetchPage(gateway, total, limit).then((a) => { walk.pastEnd = a }))
    probes.push(fetchPage(gateway, 0, limit).then((a) => { walk.again = a }))
  }

  const visited = new Set<number>()
  let offset = 0
  let answer = first
  for (;;) {
    walk.chain.push({ offset, answer })
    visited.add(offset)
    const p = answer.page
    if (!p || !p.has_more) break
    if (p.next_offset === null) { walk.stopped = `page ${walk.chain.length} says has_more but next_offset is null`; break }
    if (visited.has(p.next_offset)) { walk.stopped = `page ${walk.chain.length} points back to offset ${p.next_offset}`; break }
    if (walk.chain.length >= MAX_PAGES) { walk.stopped = `still has_more after ${MAX_PAGES} pages`; break }
    offset = p.next_offset
    answer = await page(offset)
  }
  // Requests still in flight would outlive the test (and its request context) otherwise.
  await Promise.allSettled([...requests.values(), ...probes])
  return walk
}

/** Every id the chain reached, page by page (pages numbered from 1 in messages). */
export function pagesOf(walk: GatewayWalk): string[][] {
  return walk.chain.map((c) => c.answer.page?.ids ?? [])
}

/** total claimed by page 1, or undefined when page 1 was not a list. */
export function totalOf(walk: GatewayWalk): number | undefined {
  return walk.chain[0]?.answer.page?.total
}
