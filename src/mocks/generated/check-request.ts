import type { ErrorObject } from 'ajv'
import type { SchemaRegistry } from '../../contract/compile-schemas.js'
import type { Contract, MediaSpec, Operation, SecuritySchemeSpec } from '../../contract/contract.js'
import { child, nodeAt, type SchemaNode } from '../../generation/schema-node.js'
import { coerceText } from './coerce.js'
import { safeDecode } from '../../contract/safe-decode.js'

/** A request as the mock reads it: lower-case header names, the raw body. */
export interface MockRequest {
  method: string
  url: URL
  headers: Record<string, string | undefined>
  body: Buffer | undefined
}

/** One thing wrong with a request, located the way a developer would look for it. */
export interface RequestError {
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'credentials'
  /** the parameter, or the body's JSON pointer */
  name: string
  message: string
}

export type RequestVerdict =
  | { ok: true; params: Record<string, unknown>; body: unknown }
  | { ok: false; kind: 'credentials' | 'validation' | 'media'; errors: RequestError[] }

// OpenAPI: header parameters with these names are ignored (content negotiation and security own them)
export const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

/**
 * Judges a request against its operation: credentials first (as servers do), then every
 * parameter and the body, each error named by parameter or JSON pointer (all of them at once).
 * `credentials` holds the accepted value per security scheme; a scheme without one accepts any value present.
 */
export function checkRequest(contract: Contract, schemas: SchemaRegistry, op: Operation, req: MockRequest, pathParams: Record<string, string>, credentials: Readonly<Record<string, string>>): RequestVerdict {
  const cookies = parseCookies(req.headers.cookie)
  const refused = credentialProblem(contract, op, req, cookies, credentials)
  if (refused) return { ok: false, kind: 'credentials', errors: [refused] }
  const errors: RequestError[] = []
  const params: Record<string, unknown> = {}
  for (const p of op.parameters) {
    if (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue
    const raw = p.in === 'path' ? [pathParams[p.name]!]
      : p.in === 'query' ? req.url.searchParams.getAll(p.name)
        : p.in === 'header' ? present(req.headers[p.name.toLowerCase()])
          : present(cookies[p.name])
    if (raw.length === 0 || raw[0] === undefined) {
      if (p.required) errors.push({ in: p.in, name: p.name, message: `required ${p.in} parameter "${p.name}" is missing` })
      continue
    }
    const value = coerceText(contract.documents, p.schema, raw)
    params[`${p.in}:${p.name}`] = value
    if (p.schema) for (const e of schemas.validate(p.schema, value)) errors.push({ in: p.in, name: p.name, message: `${p.in} parameter "${p.name}"${e.instancePath ? ` at ${e.instancePath}` : ''} ${e.message ?? 'is invalid'} (got ${JSON.stringify(value)})` })
  }
  const body = readBody(contract, schemas, op, req)
  if ('media' in body) return { ok: false, kind: 'media', errors: [body.media] }
  errors.push(...body.errors)
  return errors.length > 0 ? { ok: false, kind: 'validation', errors } : { ok: true, params, body: body.value }
}

function readBody(contract: Contract, schemas: SchemaRegistry, op: Operation, req: MockRequest): { value: unknown; errors: RequestError[] } | { media: RequestError } {
  const spec = op.requestBody
  const empty = !req.body || req.body.length === 0
  if (!spec || spec.content.length === 0) return { value: undefined, errors: [] }
  if (empty) return { value: undefined, errors: spec.required ? [{ in: 'body', name: '', message: 'the request body is required' }] : [] }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  const media = spec.content.find((m) => m.mediaType.toLowerCase() === type)
    ?? spec.content.find((m) => mediaRange(m.mediaType, type))
  if (!media) return { media: { in: 'header', name: 'content-type', message: `content type "${type || '(none)'}" is not accepted; the operation takes ${spec.content.map((m) => m.mediaType).join(', ')}` } }
  const text = req.body!.toString('utf8')
  let value: unknown
  if (/[/+]json$/.test(media.mediaType) || media.mediaType === '*/*' && type.endsWith('json')) {
    try {
      value = JSON.parse(text)
    } catch (error) {
      return { value: undefined, errors: [{ in: 'body', name: '', message: `malformed JSON: ${(error as Error).message}` }] }
    }
  } else if (/^application\/x-www-form-urlencoded/.test(media.mediaType)) {
    value = formObject(contract, media, [...new URLSearchParams(text)])
  } else if (/^multipart\/form-data/.test(media.mediaType)) {
    value = formObject(contract, media, multipartFields(text, req.headers['content-type'] ?? ''))
  } else {
    return { value: text, errors: [] } // text, binary: taken as sent
  }
  if (!media.schema) return { value, errors: [] }
  const readOnly = readOnlyNames(contract, nodeAt(contract.documents, media.schema))
  const errors = schemas.validate(media.schema, value)
    .filter((e) => !(e.keyword === 'required' && readOnly.has(String(e.params.missingProperty))))
    .map((e) => ({ in: 'body' as const, name: bodyPointer(e), message: `body${bodyPointer(e) ? ` at ${bodyPointer(e)}` : ''} ${e.message ?? 'is invalid'}` }))
  return { value, errors }
}

function credentialProblem(contract: Contract, op: Operation, req: MockRequest, cookies: Record<string, string>, credentials: Readonly<Record<string, string>>): RequestError | undefined {
  if (op.security.length === 0) return undefined
  // any one alternative, each of whose schemes is satisfied, lets the request in
  for (const alternative of op.security) {
    const names = Object.keys(alternative)
    if (names.every((name) => { const s = contract.securitySchemes[name]; return !s || accepted(s, presented(s, req, cookies), credentials[name]) })) return undefined
  }
  const wanted = op.security.map((alt) => Object.keys(alt).map((n) => describeScheme(contract.securitySchemes[n])).join(' and ')).join(', or ')
  return { in: 'credentials', name: Object.keys(op.security[0]!)[0] ?? '', message: `missing or invalid credentials: ${op.id} needs ${wanted}` }
}

function presented(s: SecuritySchemeSpec, req: MockRequest, cookies: Record<string, string>): string | undefined {
  if (s.type === 'apiKey') {
    const name = s.parameterName ?? ''
    return s.in === 'header' ? req.headers[name.toLowerCase()] : s.in === 'query' ? req.url.searchParams.get(name) ?? undefined : cookies[name]
  }
  const auth = req.headers.authorization ?? ''
  if (s.type === 'http' && s.scheme === 'basic') {
    const m = /^Basic\s+(\S+)$/i.exec(auth)
    return m ? Buffer.from(m[1]!, 'base64').toString('utf8') : undefined
  }
  if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') return /^Bearer\s+(\S+)$/i.exec(auth)?.[1]
  return undefined
}

const accepted = (s: SecuritySchemeSpec, value: string | undefined, wanted: string | undefined) =>
  value !== undefined && value !== '' && (wanted === undefined || value === wanted) && (s.type !== 'http' || s.scheme !== 'basic' || value.includes(':'))

function describeScheme(s: SecuritySchemeSpec | undefined): string {
  if (!s) return 'a credential'
  if (s.type === 'apiKey') return `the API key in ${s.in} "${s.parameterName}"`
  if (s.type === 'http' && s.scheme === 'basic') return 'HTTP Basic credentials'
  return 'a bearer token'
}

function mediaRange(range: string, type: string): boolean {
  const [main, sub] = range.toLowerCase().split(';')[0]!.trim().split('/')
  const [tMain, tSub] = type.split('/')
  return (main === '*' || main === tMain) && (sub === '*' || sub === tSub)
}

/** Form fields as an object, each field's text read by its property's schema. */
function formObject(contract: Contract, media: MediaSpec, fields: ReadonlyArray<[string, string]>): Record<string, unknown> {
  const grouped = new Map<string, string[]>()
  for (const [k, v] of fields) grouped.set(k, [...(grouped.get(k) ?? []), v])
  const root = media.schema ? nodeAt(contract.documents, media.schema) : undefined
  const out: Record<string, unknown> = {}
  for (const [name, values] of grouped) {
    const prop = root && typeof root.schema === 'object' && (root.schema.properties as Record<string, unknown> | undefined)?.[name] !== undefined ? child(contract.documents, root, 'properties', name).at : undefined
    out[name] = coerceText(contract.documents, prop, values)
  }
  return out
}

/** The text fields and file contents of a multipart/form-data body. */
function multipartFields(text: string, contentType: string): Array<[string, string]> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!boundary) return []
  const delimiter = `--${boundary[1] ?? boundary[2]!.trim()}`
  const out: Array<[string, string]> = []
  for (const part of text.split(delimiter).slice(1)) {
    if (part.startsWith('--')) break
    const split = part.indexOf('\r\n\r\n')
    if (split === -1) continue
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1]
    if (name !== undefined) out.push([name, part.slice(split + 4).replace(/\r\n$/, '')])
  }
  return out
}

/** Names of readOnly properties anywhere in a body schema (a request may leave them out even when required). */
function readOnlyNames(contract: Contract, node: SchemaNode, depth = 0, out = new Set<string>()): Set<string> {
  if (typeof node.schema !== 'object' || depth > 4) return out
  for (const name of Object.keys((node.schema.properties ?? {}) as object)) {
    const prop = child(contract.documents, node, 'properties', name)
    if (typeof prop.schema === 'object' && prop.schema.readOnly === true) out.add(name)
    readOnlyNames(contract, prop, depth + 1, out)
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = node.schema[keyword]
    if (Array.isArray(list)) list.forEach((_, i) => readOnlyNames(contract, child(contract.documents, node, keyword, i), depth + 1, out))
  }
  return out
}

function bodyPointer(e: ErrorObject): string {
  return e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at > 0) out[pair.slice(0, at).trim()] = safeDecode(pair.slice(at + 1).trim())
  }
  return out
}

const present = (v: string | undefined) => (v === undefined ? [] : [v])
