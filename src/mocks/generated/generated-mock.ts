import type { Contract, Operation } from '../../contract/contract.js'
import { checkRequest, type MockRequest, type RequestError } from './check-request.js'
import { fastapiValidate } from './fastapi-errors.js'
import { documentedResponse, hasBody, ResponseBodies, successStatus, type MockResponse } from './responses.js'
import { buildRouteTable, type RouteTable } from './route-table.js'
import { ResourceStore } from './store.js'

export type { MockRequest } from './check-request.js'
export type { MockResponse } from './responses.js'

export interface GeneratedMockOptions {
  /** generated bodies are the same for the same seed (default 1) */
  seed?: number
  /** the accepted value per security scheme name; a scheme without one accepts any value present */
  credentials?: Readonly<Record<string, string>>
  /** keep what POST/PUT/PATCH/DELETE do to create → item resources (default off: every answer is the document's) */
  stateful?: boolean
  /** serve only the operations on these hosts of a multi-host (x-services) contract */
  hosts?: readonly string[]
  /** a refused request gets a problem body (default), or, for a document FastAPI wrote, its 422 `{"detail": [pydantic v2 errors]}` */
  errors?: 'problem' | 'fastapi'
}

/** A mock compiled from a document: its route table and a function from request to response. */
export interface GeneratedMock {
  contract: Contract
  table: RouteTable
  answer(req: MockRequest): MockResponse
  /** the answer for an operation already matched (the MSW handlers match by themselves) */
  answerOperation(op: Operation, params: Record<string, string>, req: MockRequest): MockResponse
}

/**
 * The mock of any OpenAPI document: each operation answers its lowest documented 2xx (or the status a
 * `Prefer: code=<n>` header asks for, with `Prefer: example=<name>`), the body from the document's
 * example or generated from the schema; a request that breaks the document gets the documented
 * 400/401/415/422 (else 400) with a problem body naming the parameter or JSON pointer.
 */
export function compileMock(contract: Contract, options: GeneratedMockOptions = {}): GeneratedMock {
  const seed = options.seed ?? 1
  const credentials = options.credentials ?? {}
  const operations = options.hosts ? contract.operations.filter((o) => o.hosts.length === 0 || o.hosts.some((h) => options.hosts!.includes(h))) : contract.operations
  const table = buildRouteTable(operations)
  const bodies = new ResponseBodies(contract, seed)
  const store = options.stateful ? new ResourceStore(contract) : undefined
  const success = new Map(operations.map((o) => [o, successStatus(o)]))
  let dynamicDraws = 0

  const respond = (op: Operation, status: number, req: MockRequest, prefer: Prefer, value?: { body: unknown }, extra: Record<string, string> = {}): MockResponse => {
    const spec = documentedResponse(op, status)
    const media = hasBody(status) ? bodies.media(spec, req.headers.accept) : undefined
    const headers = { ...bodies.headers(spec, status, media), ...extra }
    if (!media || req.method === 'HEAD') return { status, headers, body: undefined }
    if (value && bodies.conforms(media, value.body)) return { status, headers, body: Buffer.from(JSON.stringify(value.body)) }
    return { status, headers, body: bodies.bytes(media, prefer.example, prefer.dynamic ? seed + ++dynamicDraws : undefined) }
  }

  const problem = (op: Operation | undefined, status: number, title: string, errors: RequestError[], extra: Record<string, string> = {}): MockResponse => {
    const detail = errors.map((e) => e.message).join('; ')
    const body = { type: 'about:blank', title, status, detail, errors }
    const spec = op && documentedResponse(op, status)
    const media = spec && bodies.media(spec, 'application/problem+json')
    // documented without a body: none is sent, what was wrong travels in a header
    if (spec && !media) return { status, headers: { ...bodies.headers(spec, status, undefined), ...extra, 'x-contractwright-problem': ascii(detail) }, body: undefined }
    if (!media) return { status, headers: { 'content-type': 'application/problem+json', ...extra }, body: Buffer.from(JSON.stringify(body)) }
    const headers = { ...bodies.headers(spec, status, media), ...extra }
    if (bodies.conforms(media, body) && /[/+]json$/.test(media.mediaType)) return { status, headers, body: Buffer.from(JSON.stringify(body)) }
    // the document's own error shape wins; what was wrong travels in a header instead
    return { status, headers: { ...headers, 'x-contractwright-problem': ascii(detail) }, body: bodies.bytes(media, undefined) }
  }

  const answerOperation = (op: Operation, params: Record<string, string>, req: MockRequest): MockResponse => {
    const verdict = checkRequest(contract, bodies.schemas, op, req, params, credentials)
    const prefer = parsePrefer(req.headers.prefer)
    if (!verdict.ok) {
      const fastapi = options.errors === 'fastapi' && verdict.kind !== 'credentials' ? fastapiValidate(contract, op, req, params) : undefined
      if (fastapi?.ok === false) return { status: 422, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ detail: fastapi.detail })) }
      const status = verdict.kind === 'credentials' ? firstDocumented(op, [401, 403], 401) : verdict.kind === 'media' ? 415 : firstDocumented(op, [400, 422], 400)
      return problem(op, status, verdict.kind === 'credentials' ? 'Unauthorized' : verdict.kind === 'media' ? 'Unsupported Media Type' : 'Bad Request', verdict.errors)
    }
    if (prefer.code !== undefined) {
      if (!documentedResponse(op, prefer.code)) return problem(op, 400, 'Bad Request', [{ in: 'header', name: 'prefer', message: `Prefer: code=${prefer.code} is not a documented response of ${op.id} (documented: ${op.responses.map((r) => r.status).join(', ')})` }])
      return respond(op, prefer.code, req, prefer)
    }
    const status = success.get(op)!
    const role = store?.role(op)
    if (!store || !role) return respond(op, status, req, prefer)
    const spec = documentedResponse(op, status)
    const media = bodies.media(spec, req.headers.accept)
    const generated = media ? bodies.value(media, prefer.example) : undefined
    const id = params[role.chain.idParam] ?? ''
    // an unknown id is a 404 only where the document says one can be: otherwise the document's answer
    const missing = () => !documentedResponse(op, 404)
      ? respond(op, status, req, prefer)
      : problem(op, 404, 'Not Found', [{ in: 'path', name: role.chain.idParam, message: `no resource with ${role.chain.idParam} ${JSON.stringify(id)} (created, then deleted, or never created)` }])
    switch (role.role) {
      case 'create': {
        const made = store.create(role.chain, generated, verdict.body, (r) => !media || bodies.conforms(media, r))
        const location: Record<string, string> = spec?.headers.includes('location') ? { location: `${role.chain.create.path.replace(/\/$/, '')}/${encodeURIComponent(made.id)}` } : {}
        return respond(op, status, req, prefer, { body: made.resource }, location)
      }
      case 'list':
        return respond(op, status, req, prefer, { body: store.list(role.chain) })
      case 'read': {
        const found = store.get(role.chain, id)
        return found ? respond(op, status, req, prefer, { body: found }) : missing()
      }
      case 'update': {
        const next = store.update(role.chain, id, verdict.body, op.method === 'PUT')
        return next ? respond(op, status, req, prefer, { body: next }) : missing()
      }
      case 'remove':
        return store.remove(role.chain, id) ? respond(op, status, req, prefer) : missing()
    }
  }

  return {
    contract,
    table,
    answerOperation,
    answer(req) {
      const match = table.match(req.method, req.url.pathname)
      if (match.found) return answerOperation(match.op, match.params, req)
      if (match.status === 405) return problem(undefined, 405, 'Method Not Allowed', [{ in: 'path', name: req.url.pathname, message: `${req.method} is not an operation of ${req.url.pathname}; allowed: ${match.allow.join(', ')}` }], { allow: match.allow.join(', ') })
      return problem(undefined, 404, 'Not Found', [{ in: 'path', name: req.url.pathname, message: `no operation of "${contract.title}" has the path ${req.url.pathname}` }])
    },
  }
}

interface Prefer { code?: number; example?: string; dynamic?: boolean }

/** `Prefer: code=404, example=notFound, dynamic=true`, as Prism reads it. */
function parsePrefer(header: string | undefined): Prefer {
  if (!header) return {}
  const out: Prefer = {}
  for (const part of header.split(/[,;]/)) {
    const [key, value] = part.split('=').map((s) => s.trim())
    if (key === 'code' && /^\d{3}$/.test(value ?? '')) out.code = Number(value)
    else if (key === 'example' && value) out.example = value.replace(/^"|"$/g, '')
    else if (key === 'dynamic') out.dynamic = value === 'true'
  }
  return out
}

function firstDocumented(op: Operation, wanted: number[], fallback: number): number {
  return wanted.find((s) => op.responses.some((r) => r.status === String(s))) ?? fallback
}

const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 2000)
