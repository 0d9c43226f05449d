import type { RecordedExchange } from './exchange.js'
import type { IdMap } from './id-map.js'

/** The recorded request for `origin` (+ `prefix`), with learned ids substituted and the caller's headers added; `body` is the body as sent. */
export function buildRequest(x: RecordedExchange, { origin, prefix = '', headers = [], ids }: {
  origin: string
  prefix?: string
  headers?: ReadonlyArray<[string, string]>
  ids: IdMap
}): { request: Request; body: string | null } {
  const sent = new Headers()
  for (const [name, value] of x.headers) sent.set(name, value)
  for (const [name, value] of headers) sent.set(name, value)
  if (x.bodyType !== null) sent.set('content-type', x.bodyType)
  const body = x.body === null ? null : ids.applyToBody(x.body)
  const url = `${origin.replace(/\/$/, '')}${prefix.replace(/\/$/, '')}${ids.applyToPath(x.path)}`
  const request = new Request(url, { method: x.method, headers: sent, body: body ?? undefined })
  // a string body makes fetch add text/plain; a recorded body without a Content-Type must go without one
  if (x.bodyType === null) request.headers.delete('content-type')
  return { request, body }
}
