import { retryAfterSeconds } from './pool.js'

/** The fields of a `/v1/models` page the walk reasons about (the contract schema checks the rest). */
export interface ModelPage {
  ids: string[]
  total: number
  returned: number
  offset: number
  has_more: boolean
  next_offset: number | null
  gateway: string
  /** each item's `source_gateway` ('' when absent), in order: what the `gateway=all` listing counts by */
  sources?: string[]
}

/** One answer of `/v1/models`: the page when it is a 200 list, else what to say about it. */
export interface PageAnswer {
  status: number
  page?: ModelPage
  retryAfterS?: number
  /** a short description of a non-page answer: `{"detail":"Not Found"}`, `INVALID_PARAMETER_TYPE` … */
  detail?: string
}

/** How to fetch one page; the spec backs it with the `send` fixture, unit tests with a fake catalog. */
export type FetchPage = (gateway: string, offset: number, limit: number) => Promise<PageAnswer>

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a page envelope; a 200 whose body is not one becomes a `detail` instead of a page. */
export function toAnswer(status: number, headers: Record<string, string>, json: unknown, text: string): PageAnswer {
  const retryAfterS = status === 429 ? retryAfterSeconds(headers['retry-after']) : undefined
  const b = isRecord(json) ? json : {}
  const ok = status === 200 && Array.isArray(b.data) && typeof b.total === 'number'
  if (!ok) return { status, retryAfterS, detail: describeBody(json, text) }
  const data = b.data as unknown[]
  return {
    status,
    page: {
      ids: data.map((m) => (isRecord(m) && typeof m.id === 'string' ? m.id : JSON.stringify(m))),
      total: b.total as number,
      returned: typeof b.returned === 'number' ? b.returned : data.length,
      offset: typeof b.offset === 'number' ? b.offset : Number.NaN,
      has_more: b.has_more === true,
      next_offset: typeof b.next_offset === 'number' ? b.next_offset : null,
      gateway: typeof b.gateway === 'string' ? b.gateway : '',
      sources: data.map((m) => (isRecord(m) && typeof m.source_gateway === 'string' ? m.source_gateway : '')),
    },
  }
}

/** The part of an error body a platform engineer recognises: the detailed `code`, a FastAPI `detail`, or the text. */
export function describeBody(json: unknown, text: string): string {
  const b = isRecord(json) ? json : undefined
  const error = b && isRecord(b.error) ? b.error : undefined
  if (error && typeof error.code === 'string') return error.code
  if (b && typeof b.detail === 'string') return JSON.stringify({ detail: b.detail })
  if (error && typeof error.message === 'string') return error.message
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat || '(empty body)'
}

/** `404 {"detail":"Not Found"}` */
export function statusText(answer: PageAnswer): string {
  return answer.detail ? `${answer.status} ${answer.detail}` : String(answer.status)
}
