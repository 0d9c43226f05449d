import { parseJson } from './media-type.js'

// Header and query names that carry credentials: Authorization, X-API-Key, Cookie, any *key*, *token*, *secret*.
const SECRET_NAME = /auth|key|token|secret|password|passwd|cookie|session|credential/i
// JSON body fields: narrower, so MLflow's `{"key": "team"}` tag keys stay readable
const SECRET_FIELD = /^(authorization|cookie|password|passwd|secret|client_secret|api[-_]?key|access[-_]?token|refresh[-_]?token|token|id[-_]?token|session[-_]?token)$|secret|password|api[-_]?key|token$/i

export const REDACTED = '[redacted]'

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

export function redactHeaders(headers: Iterable<[string, string]>): Array<[string, string]> {
  return [...headers].map(([name, value]) => [name, isSecretName(name) ? REDACTED : value])
}

/** A path or URL with credential-named query values and any user:password@ replaced. */
export function redactUrl(pathOrUrl: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl)
  let url: URL
  try {
    url = new URL(pathOrUrl, 'http://redact.invalid')
  } catch {
    return pathOrUrl
  }
  if (url.username || url.password) {
    url.username = url.username ? REDACTED : ''
    url.password = url.password ? REDACTED : ''
  }
  const names = [...new Set([...url.searchParams.keys()])].filter(isSecretName)
  if (names.length === 0 && !absolute) return pathOrUrl // keep the recorded encoding when nothing changes
  for (const name of names) url.searchParams.set(name, REDACTED)
  return absolute ? url.toString() : url.pathname + url.search
}

/** A JSON value (or JSON text) with credential-named fields' values replaced, at any depth. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const parsed = tryParse(value)
    return parsed === undefined ? value : JSON.stringify(redactValue(parsed))
  }
  if (Array.isArray(value)) return value.map(redactValue)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && v !== null && typeof v !== 'object' ? REDACTED : redactValue(v)]))
  }
  return value
}

function tryParse(text: string): unknown {
  return /^\s*[{[]/.test(text) ? parseJson(text) : undefined
}
