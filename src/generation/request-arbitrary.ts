import fc from 'fast-check'
import { compileSchemas } from '../contract/compile-schemas.js'
import type { Contract, MediaSpec, Operation, ParameterSpec } from '../contract/contract.js'
import { validArbitrary } from './valid-arbitrary.js'

/** One generated request to an operation, before it is put on the wire: values, not text. */
export interface GeneratedRequest {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body?: unknown
  /** the request content type the body is for (absent: no body) */
  mediaType?: string
  /** the body as raw text instead of `body` (malformed JSON) */
  rawBody?: string
}

/**
 * An empty value, a '/' or a dot segment in a path value is routed as another path by most servers
 * (and URL normalisation): a finding about the router, not about the operation, so none is generated.
 */
export const pathSafe = (value: unknown): boolean => !/\/|^\.{0,2}$/.test(String(value))

const GENERABLE = /[/+]json$|^multipart\/form-data|^application\/x-www-form-urlencoded/

/** The request content types generation can build a body for, in the document's order. */
export function generableMedia(op: Operation): MediaSpec[] {
  return (op.requestBody?.content ?? []).filter((m) => GENERABLE.test(m.mediaType) && m.schema)
}

/**
 * Schema-valid requests for an operation: every required parameter, each optional one present or
 * not, and a body for one of the content types it accepts. Examples, when the document has them,
 * are not here: the runner tries them first (fast-check's `examples`).
 */
export function requestArbitrary(contract: Contract, op: Operation): fc.Arbitrary<GeneratedRequest> {
  const schemas = compileSchemas(contract.documents)
  const params = (where: ParameterSpec['in']) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {}
    const required: string[] = []
    for (const p of op.parameters.filter((x) => x.in === where && x.schema)) {
      const value = validArbitrary(contract.documents, schemas, p.schema!, 'request')
      record[p.name] = where === 'path' ? value.filter(pathSafe) : value
      if (p.required || p.in === 'path') required.push(p.name)
    }
    return fc.record(record, { requiredKeys: required })
  }
  const media = generableMedia(op)
  const body = media.length === 0
    ? fc.constant({})
    : fc.oneof(...media.map((m) => validArbitrary(contract.documents, schemas, m.schema!, 'request').map((value) => ({ body: value, mediaType: m.mediaType }))))
  const maybeBody = media.length > 0 && !op.requestBody?.required ? fc.oneof({ weight: 4, arbitrary: body }, { weight: 1, arbitrary: fc.constant({}) }) : body
  return fc.record({ path: params('path'), query: params('query'), headers: params('header'), cookies: params('cookie'), extra: maybeBody })
    .map(({ extra, ...rest }) => ({ ...rest, ...extra }))
}

/** The document's own examples as generated requests (the first of each parameter, the body's named ones). */
export function exampleRequests(op: Operation): GeneratedRequest[] {
  const names = new Set<string>()
  for (const p of op.parameters) for (const n of Object.keys(p.examples)) names.add(n)
  const media = generableMedia(op)[0]
  for (const n of Object.keys(media?.examples ?? {})) names.add(n)
  const out: GeneratedRequest[] = []
  for (const name of names) {
    const pick = (examples: Record<string, unknown>) => (name in examples ? { found: true, value: examples[name] } : Object.keys(examples).length > 0 ? { found: true, value: Object.values(examples)[0] } : { found: false, value: undefined })
    const request: GeneratedRequest = { path: {}, query: {}, headers: {}, cookies: {} }
    let complete = true
    for (const p of op.parameters) {
      const chosen = pick(p.examples)
      if (chosen.found) request[p.in === 'header' ? 'headers' : p.in === 'cookie' ? 'cookies' : p.in][p.name] = chosen.value
      else if (p.required || p.in === 'path') complete = false
    }
    if (media) {
      const chosen = pick(media.examples)
      if (chosen.found) Object.assign(request, { body: chosen.value, mediaType: media.mediaType })
      else if (op.requestBody?.required) complete = false
    }
    if (complete) out.push(request)
  }
  return out
}
