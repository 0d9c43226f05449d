import type { Case } from './case.js'

export interface ExchangeResponse {
  status: number
  contentType: string | undefined // media type without parameters, lower case
  headers: Record<string, string> // lower-case names
  text: string
  json: unknown // undefined when the body is not JSON
}

/** What was sent for a case and what came back. `request.url` and headers still hold secrets: redact before rendering. */
export interface Exchange {
  case: Case
  target: string
  request: { method: string; url: string; headers: Record<string, string>; body: string | undefined }
  response: ExchangeResponse
  elapsedMs: number
}

export function parseResponse(status: number, headers: Record<string, string>, text: string): ExchangeResponse {
  const lower: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value
  const contentType = lower['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined
  let json: unknown
  if (text !== '' && (contentType === undefined || /[/+]json$/.test(contentType))) {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }
  return { status, contentType, headers: lower, text, json }
}
