import type { RecordedExchange } from './exchange.js'
import { joinPointer } from '../contract/pointer.js'
import { RecordingError } from './recording-error.js'
import { omittedLength, repairCutJson } from './truncated-body.js'

/**
 * The transcript format of test/fixtures/mlflow-transcripts (README §2 there): `exchanges[]` with
 * `method`, `path`, `request` (object → JSON, string → raw body), `requestContentType` ("(none)" means the
 * body went without a Content-Type header), `status`, `contentType`, `response`.
 */
export function fromTranscript(file: string, data: Record<string, unknown>): RecordedExchange[] {
  if (!Array.isArray(data.exchanges)) throw new RecordingError(file, '/exchanges', 'expected an array of exchanges')
  return data.exchanges.map((x: unknown, i: number) => {
    const at = (...rest: string[]) => joinPointer('', 'exchanges', i, ...rest)
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new RecordingError(file, at(), 'expected an object')
    const e = x as Record<string, unknown>
    const text = (key: string): string => {
      if (typeof e[key] !== 'string' || e[key] === '') throw new RecordingError(file, at(key), 'expected a non-empty string')
      return e[key] as string
    }
    const method = text('method').toUpperCase()
    const path = text('path')
    if (!path.startsWith('/')) throw new RecordingError(file, at('path'), `expected a path starting with "/", got "${path}"`)
    if (!Number.isInteger(e.status)) throw new RecordingError(file, at('status'), 'expected an integer HTTP status')
    const request = e.request ?? null
    const declared = e.requestContentType ?? null
    if (declared !== null && typeof declared !== 'string') throw new RecordingError(file, at('requestContentType'), 'expected a string or null')
    let body: string | null = null
    let bodyType: string | null = null
    let omitted: number | undefined
    if (typeof request === 'string') {
      body = expandRepeats(request) as string
      omitted = omittedLength(body)
      if (omitted !== undefined) body = repairCutJson(body) ?? body
      bodyType = declared === '(none)' ? null : (declared ?? 'text/plain')
    } else if (request !== null && typeof request === 'object') {
      body = JSON.stringify(expandRepeats(request))
      // the seeded sequences send some objects with another Content-Type, or none ("(none)")
      bodyType = declared === '(none)' ? null : (declared ?? 'application/json')
    } else if (request !== null) throw new RecordingError(file, at('request'), 'expected null, an object or a string')
    return {
      title: typeof e.title === 'string' && e.title !== '' ? e.title : `${method} ${path}`,
      method,
      path,
      headers: [],
      body,
      bodyType,
      status: e.status as number,
      contentType: text('contentType'),
      response: e.response,
      ...(omitted === undefined ? {} : { omitted }),
    }
  })
}

// The seeded sequences abbreviate long request strings: "t…×5001" stands for "t" written 5001 times,
// "prefix-n…×520" for "prefix-" followed by 520 × "n" (the over-long names, keys and values).
const REPEAT = /^(.*)(.)…×(\d+)$/su

function expandRepeats(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = REPEAT.exec(value)
    return m ? m[1]! + m[2]!.repeat(Number(m[3])) : value
  }
  if (Array.isArray(value)) return value.map(expandRepeats)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandRepeats(v)]))
  return value
}
