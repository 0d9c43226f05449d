import type { RecordedExchange } from './exchange.js'
import { joinPointer } from '../contract/pointer.js'
import { isJsonType, parseJson } from './media-type.js'
import { RecordingError } from './recording-error.js'
import { isSecretName, redactUrl } from './redact.js'

// headers fetch sets itself, or that describe the recorded connection rather than the request
const NOT_RESENT = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'accept-encoding', 'content-type'])

/** HAR 1.2 (`log.entries[]`, as browsers and Playwright's recordHar write it) as recorded exchanges. */
export function fromHar(file: string, data: Record<string, unknown>): RecordedExchange[] {
  const log = data.log as Record<string, unknown> | undefined
  if (!log || typeof log !== 'object' || !Array.isArray(log.entries)) throw new RecordingError(file, '/log/entries', 'expected an array of HAR entries')
  return log.entries.map((entry: unknown, i: number) => {
    const at = (...rest: string[]) => joinPointer('', 'log', 'entries', i, ...rest)
    const object = (value: unknown, ...where: string[]): Record<string, unknown> => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RecordingError(file, at(...where), 'expected an object')
      return value as Record<string, unknown>
    }
    const e = object(entry)
    const request = object(e.request, 'request')
    const response = object(e.response, 'response')
    if (typeof request.method !== 'string' || request.method === '') throw new RecordingError(file, at('request', 'method'), 'expected an HTTP method')
    if (typeof request.url !== 'string') throw new RecordingError(file, at('request', 'url'), 'expected an absolute URL string')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      throw new RecordingError(file, at('request', 'url'), `"${request.url}" is not an absolute URL`)
    }
    if (!Number.isInteger(response.status)) throw new RecordingError(file, at('response', 'status'), 'expected an integer HTTP status')
    const requestHeaders = headerList(file, request.headers, at('request', 'headers'))
    const responseHeaders = headerList(file, response.headers, at('response', 'headers'))
    const postData = request.postData === undefined ? undefined : object(request.postData, 'request', 'postData')
    const sentType = header(requestHeaders, 'content-type')
    const body = postData && typeof postData.text === 'string' ? postData.text : null
    const content = response.content === undefined ? {} : object(response.content, 'response', 'content')
    const contentType = header(responseHeaders, 'content-type') ?? (typeof content.mimeType === 'string' ? content.mimeType : '')
    const rawText = typeof content.text === 'string'
      ? (content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text)
      : ''
    const parsed = isJsonType(contentType) ? parseJson(rawText) : undefined
    const method = request.method.toUpperCase()
    const path = url.pathname + url.search
    return {
      title: `${method} ${redactUrl(path)}`, // titles are printed: no credential query values in them
      method,
      path,
      // recorded credentials are never resent (they are redacted or stale): the caller's --header supplies them
      headers: requestHeaders.filter(([name]) => !NOT_RESENT.has(name.toLowerCase()) && !name.startsWith(':') && !isSecretName(name)),
      body,
      // a HAR postData without a Content-Type header was sent without one
      bodyType: body === null ? null : (sentType ?? null),
      status: response.status as number,
      contentType,
      response: parsed === undefined ? rawText : parsed,
    }
  })
}

function headerList(file: string, value: unknown, at: string): Array<[string, string]> {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new RecordingError(file, at, 'expected an array of {name, value}')
  return value.map((h: unknown, i: number) => {
    const { name, value: v } = (h ?? {}) as { name?: unknown; value?: unknown }
    if (typeof name !== 'string' || typeof v !== 'string') throw new RecordingError(file, `${at}/${i}`, 'expected {"name": string, "value": string}')
    return [name, v] as [string, string]
  })
}

function header(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1]
}
