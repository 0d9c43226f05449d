import { MlflowError } from './mlflow-error.js'

export interface Page<T> {
  items: T[]
  nextPageToken?: string
}

// MLflow's token is base64 of Python's json.dumps({"offset": N}): `eyJvZmZzZXQiOiAxfQ==` for 1 (§9)
function encodeToken(offset: number): string {
  return Buffer.from(`{"offset": ${offset}}`).toString('base64')
}

function decodeToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'))
    const offset = (parsed as { offset?: unknown }).offset
    // a negative offset reaches SQL's OFFSET, which sqlite treats as none (2.17 answers the first page)
    if (typeof offset === 'number' && Number.isInteger(offset)) return Math.max(0, offset)
  } catch {
    // fall through to the error below
  }
  throw MlflowError.invalid(`Invalid page token, could not base64-decode or parse offset: ${token}`)
}

/** One page of `items`; `next_page_token` only when more items follow. */
export function paginate<T>(items: readonly T[], maxResults: number, pageToken: string | undefined, { allowZero = false } = {}): Page<T> {
  if (maxResults < (allowZero ? 0 : 1)) throw MlflowError.invalid(`Invalid value ${maxResults} for parameter 'max_results': it must be positive.`)
  const offset = pageToken ? decodeToken(pageToken) : 0
  const page = items.slice(offset, offset + maxResults)
  const next = offset + maxResults < items.length ? encodeToken(offset + maxResults) : undefined
  return next ? { items: page, nextPageToken: next } : { items: page }
}
