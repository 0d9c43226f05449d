// Test support: a FetchPage over in-memory catalogs, paged by the mock's own slicing so the unit tests
// bend pages exactly the way the mock's faults (and the real incidents) do.
import { paginate, type PageFaults } from '../../mocks/services/catalog/paginate.js'
import type { FetchPage, PageAnswer } from './page.js'

export interface FakeOptions {
  faults?: PageFaults
  /** gateway → a fixed non-200 answer (`{ status: 404, detail: '{"detail":"Not Found"}' }`) */
  fail?: Record<string, PageAnswer>
  /** gateway → the slug echoed in the envelope (default: the gateway itself) */
  echo?: Record<string, string>
  /** a hook to rewrite a page (unstable order, lying has_more …) */
  bend?: (answer: PageAnswer, offset: number, call: number) => PageAnswer
}

export const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}/model-${String(i).padStart(4, '0')}`)

export function fakeCatalog(catalogs: Record<string, readonly string[]>, options: FakeOptions = {}): FetchPage & { calls: string[] } {
  const calls: string[] = []
  const fetchPage = async (gateway: string, offset: number, limit: number): Promise<PageAnswer> => {
    calls.push(`${gateway}@${offset}`)
    const failed = options.fail?.[gateway]
    if (failed) return failed
    const items = catalogs[gateway]
    if (!items) return { status: 400, detail: 'INVALID_PARAMETER_TYPE' }
    const p = paginate(items, offset, limit, options.faults)
    const answer: PageAnswer = {
      status: 200,
      page: { ids: p.data, total: p.total, returned: p.data.length, offset, has_more: p.has_more, next_offset: p.next_offset, gateway: options.echo?.[gateway] ?? gateway },
    }
    return options.bend ? options.bend(answer, offset, calls.length) : answer
  }
  return Object.assign(fetchPage, { calls })
}
