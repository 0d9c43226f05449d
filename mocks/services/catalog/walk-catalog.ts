import type { MockService } from '../../../src/mocks/service.js'

/** What a client following `next_offset` until `has_more` is false collected (test support). */
export interface Walk {
  ids: string[]
  total: number
  pages: number
  statuses: number[]
}

const MAX_PAGES = 2000 // a looping server must not hang the test

/** Pages through `/v1/models` the way the HEAD frontend does (gatewayz-catalog.md §3.6). */
export async function walkCatalog(service: MockService, gateway: string, limit = 1000): Promise<Walk> {
  const walk: Walk = { ids: [], total: -1, pages: 0, statuses: [] }
  let offset: number | null = 0
  while (offset !== null && walk.pages < MAX_PAGES) {
    const url = `http://catalog.test/v1/models?gateway=${encodeURIComponent(gateway)}&limit=${limit}&offset=${offset}`
    const response = await service.handle(new Request(url))
    walk.pages += 1
    walk.statuses.push(response.status)
    if (response.status !== 200) break
    const page = (await response.json()) as { data: { id: string }[]; total: number; has_more: boolean; next_offset: number | null }
    walk.total = page.total
    walk.ids.push(...page.data.map((m) => m.id))
    offset = page.has_more ? page.next_offset : null
  }
  return walk
}
