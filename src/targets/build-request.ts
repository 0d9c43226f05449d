import type { Contract } from '../contract/contract.js'
import type { Case } from '../cases/case.js'
import { ConfigError } from '../errors.js'
import { placeCredential } from './place-credential.js'
import { INVALID_KEY, type Target } from './target.js'

export interface WireRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string | undefined
}

/** Fills a case in for a target: base URL, credentials in their scheme's location, unique names. */
export function buildRequest(contract: Contract, target: Target, c: Case, unique: () => string): WireRequest {
  const base = target.baseUrls[c.request.host]
  if (!base && !c.request.url) {
    const variable = contract.variables.find((v) => v.host === c.request.host)?.name
    throw new ConfigError(`target "${target.name}" has no base URL for host "${c.request.host}"${variable ? `: set ${variable}` : ''} (case ${c.id})`)
  }
  const url = new URL((c.request.url ?? base + c.request.path).replace(/\{\{unique\}\}/g, () => unique()))
  for (const [k, v] of Object.entries(c.request.query)) url.searchParams.set(k, fillUnique(v, unique) as string)
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(c.request.headers)) headers[k] = fillUnique(v, unique) as string
  for (const cred of c.request.auth) {
    const scheme = contract.securitySchemes[cred.scheme]
    const key = cred.key === 'invalid' ? invalidKey(scheme?.type, scheme?.scheme) : credentialFor(contract, target, c, cred.scheme)
    if (!scheme || key === undefined) continue
    placeCredential(scheme, key, headers, url)
  }
  const value = c.request.body === undefined ? undefined : fillUnique(c.request.body, unique)
  let body = c.request.rawBody
  if (body === undefined && value !== undefined) {
    if (/^multipart\/form-data/.test(headers['content-type'] ?? '') && value && typeof value === 'object') {
      const form = encodeMultipart(value as Record<string, unknown>)
      headers['content-type'] = `multipart/form-data; boundary=${form.boundary}`
      body = form.body
    } else if (/^application\/x-www-form-urlencoded/.test(headers['content-type'] ?? '') && value && typeof value === 'object') {
      const fields = Object.entries(value as Record<string, unknown>).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])
      body = new URLSearchParams(fields).toString()
    } else body = JSON.stringify(value)
  }
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
  return { method: c.request.method, url: url.toString(), headers, body }
}

/** The key for a scheme: its own CONTRACT_AUTH_<SCHEME> variable, else the case's x-variables credential. */
export function credentialFor(contract: Contract, target: Target, c: Case, scheme: string): string | undefined {
  const own = contract.variables.find((v) => v.scheme === scheme)
  if (own) return target.variables[own.name]
  const name = c.request.credential ?? contract.variables.find((v) => v.credential)?.credential
  return name === undefined ? undefined : target.credentials[name]
}

// Basic needs user:password to be a well-formed invalid credential
function invalidKey(type: string | undefined, scheme: string | undefined): string {
  return type === 'http' && scheme === 'basic' ? `cw-invalid:${INVALID_KEY}` : INVALID_KEY
}

/** Replaces `{{unique}}` in every string of a JSON value; each case gets its own unique name. */
function fillUnique(value: unknown, unique: () => string): unknown {
  let name: string | undefined
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.includes('{{unique}}') ? v.replace(/\{\{unique\}\}/g, () => (name ??= unique())) : v
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value)
}

/** Form fields as multipart/form-data text; objects become JSON parts, strings stay as they are (file contents too). */
function encodeMultipart(fields: Record<string, unknown>): { boundary: string; body: string } {
  const boundary = 'cw-boundary-7d1f0c'
  const parts = Object.entries(fields).map(([name, v]) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v)
    const file = /file/i.test(name) ? `; filename="${name}.txt"` : '' // OpenAPI has no per-field file marker in examples
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n\r\n${text}\r\n`
  })
  return { boundary, body: `${parts.join('')}--${boundary}--\r\n` }
}
