import { compileSchemas, type SchemaRegistry } from '../../contract/compile-schemas.js'
import type { Contract, MediaSpec, Operation, ResponseSpec } from '../../contract/contract.js'
import { deref, displayLocation } from '../../contract/documents.js'
import { getByPointer, joinPointer } from '../../contract/pointer.js'
import fc from 'fast-check'
import { sampleValid, validArbitrary } from '../../generation/valid-arbitrary.js'

/** What the mock writes back: status, headers, bytes. */
export interface MockResponse {
  status: number
  headers: Record<string, string>
  body: Buffer | undefined
}

const NO_BODY = new Set([204, 205, 304])

/** The concrete status a documented one (`200`, `2XX`, `default`) is served as. */
export function concreteStatus(status: string, fallback: number): number {
  if (/^\d{3}$/.test(status)) return Number(status)
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100
  return fallback
}

/** The documented response a status is served from: exact, then its range, then `default`. */
export function documentedResponse(op: Operation, status: number): ResponseSpec | undefined {
  return op.responses.find((r) => r.status === String(status))
    ?? op.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`)
    ?? op.responses.find((r) => r.status === 'default')
}

/** The status a valid request gets when it asks for none: the lowest documented 2xx, else `default`, else the first documented. */
export function successStatus(op: Operation): number {
  const codes = op.responses.map((r) => r.status)
  const explicit = codes.filter((s) => /^2\d\d$/.test(s)).map(Number).sort((a, b) => a - b)[0]
  if (explicit !== undefined) return explicit
  if (codes.some((s) => /^2XX$/i.test(s)) || codes.includes('default') || codes.length === 0) return 200
  return concreteStatus(codes[0]!, 200)
}

/**
 * Bodies and headers for every documented response, built once and kept as bytes: the document's
 * named or first example when it validates, else a value generated from the schema (the same for
 * the same seed). `dynamic` draws a fresh one per request instead.
 */
export class ResponseBodies {
  private readonly cache = new Map<string, { value: unknown; bytes: Buffer | undefined }>()
  readonly schemas: SchemaRegistry

  constructor(private readonly contract: Contract, private readonly seed: number) {
    this.schemas = compileSchemas(contract.documents)
  }

  /** The media a response is served as: the one the client accepts, JSON first, else the first documented. */
  media(spec: ResponseSpec | undefined, accept: string | undefined): MediaSpec | undefined {
    const content = spec?.content ?? []
    const wanted = (accept ?? '').split(',').map((a) => a.split(';')[0]!.trim().toLowerCase()).filter((a) => a && a !== '*/*')
    return content.find((m) => wanted.includes(m.mediaType.toLowerCase())) ?? content.find((m) => /[/+]json$/.test(m.mediaType)) ?? content[0]
  }

  /** The body value for a response's media: a named example, else the first valid example, else generated. */
  value(media: MediaSpec, example: string | undefined, dynamicSeed?: number): unknown {
    return this.entry(media, example, dynamicSeed).value
  }

  bytes(media: MediaSpec, example: string | undefined, dynamicSeed?: number): Buffer | undefined {
    return this.entry(media, example, dynamicSeed).bytes
  }

  /** True when `value` is a valid body for the media (a stateful resource must still match the document). */
  conforms(media: MediaSpec, value: unknown): boolean {
    return !media.schema || this.schemas.validate(media.schema, value).length === 0
  }

  headers(spec: ResponseSpec | undefined, status: number, media: MediaSpec | undefined): Record<string, string> {
    const out: Record<string, string> = {}
    if (media && !NO_BODY.has(status)) out['content-type'] = contentType(media.mediaType)
    if (!spec || spec.headers.length === 0) return out
    const raw = deref(this.contract.documents, getByPointer(this.contract.documents.docs.get(spec.at.file), spec.at.pointer), spec.at)
    const headers = ((raw.value as Record<string, unknown> | undefined)?.headers ?? {}) as Record<string, unknown>
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-type') continue
      const at = { file: raw.at.file, pointer: joinPointer(raw.at.pointer, 'headers', name) }
      const header = deref(this.contract.documents, headers[name], at)
      const h = (header.value ?? {}) as Record<string, unknown>
      const schema = h.schema === undefined ? undefined : { file: header.at.file, pointer: joinPointer(header.at.pointer, 'schema') }
      const example = h.example ?? (h.schema as { example?: unknown } | undefined)?.example
      const value = example !== undefined ? example : schema ? sampleValid(this.contract.documents, this.schemas, schema, 'response', this.seed) : 'x'
      out[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value)
    }
    return out
  }

  private entry(media: MediaSpec, example: string | undefined, dynamicSeed: number | undefined): { value: unknown; bytes: Buffer | undefined } {
    const key = `${media.schema ? displayLocation(media.schema) : media.mediaType}|${example ?? ''}|${dynamicSeed ?? ''}`
    let found = this.cache.get(key)
    if (!found) {
      const value = this.pick(media, example, dynamicSeed)
      found = { value, bytes: value === undefined ? undefined : Buffer.from(typeof value === 'string' && !/[/+]json$/.test(media.mediaType) ? value : JSON.stringify(value)) }
      if (dynamicSeed === undefined) this.cache.set(key, found)
    }
    return found
  }

  private pick(media: MediaSpec, example: string | undefined, dynamicSeed: number | undefined): unknown {
    const valid = (v: unknown) => this.conforms(media, v)
    if (dynamicSeed === undefined) {
      if (example !== undefined && example in media.examples) return media.examples[example]
      const first = Object.values(media.examples).find(valid)
      if (first !== undefined) return first
    }
    if (!media.schema) return undefined
    return representative(fc.sample(validArbitrary(this.contract.documents, this.schemas, media.schema, 'response'), { seed: dynamicSeed ?? this.seed, numRuns: 12 }))
  }
}

// Of a few valid samples, the one that shows most of the schema (optional fields present, arrays not
// empty) within a few kilobytes: a mock answering `[]` or `{}` tells a reader nothing.
function representative(samples: unknown[]): unknown {
  const size = (v: unknown) => JSON.stringify(v ?? null).length
  const parts = (v: unknown): number => v && typeof v === 'object' ? 1 + Object.values(v).reduce<number>((n, x) => n + parts(x), 0) : 1
  const small = samples.filter((v) => size(v) <= 4096)
  return (small.length > 0 ? small : samples).reduce((best, v) => (parts(v) > parts(best) ? v : best), samples[0])
}

export const hasBody = (status: number) => !NO_BODY.has(status)

function contentType(mediaType: string): string {
  if (mediaType.includes('*')) return 'application/octet-stream'
  return /^text\/|[/+](json|xml)$/.test(mediaType) && !/charset=/i.test(mediaType) && mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType
}
