import type { RecordedExchange } from './exchange.js'
import { getByPointer } from '../contract/pointer.js'
import { keyPaths, valuesAt } from './key-paths.js'
import { isJsonType, mediaType } from './media-type.js'

export interface CompareOptions {
  /** JSON pointer of the error field compared when the recorded body has it (default `/error_code`). */
  errorField?: string
  /** Key paths (`.run.info.artifact_uri`, `.items[].etag`) left out of the key-set comparison. */
  ignorePaths?: readonly string[]
  /** Keys whose values must agree too (ids, timestamps and messages never belong here); default none. */
  stableKeys?: readonly string[]
}

export interface Difference {
  /** `status`, `content type`, `error_code` (or the error pointer), `key set`, or `value <key path>`. */
  field: string
  expected: unknown
  actual: unknown
}

export interface LiveAnswer {
  status: number
  contentType: string
  /** Parsed JSON when the answer is JSON and parses, else the raw text. */
  body: unknown
}

/**
 * What README §4 of the MLflow transcripts compares: status, content-type class, the error field, the set
 * of response key paths and optionally stable values. Ids, timestamps and message text are values, so
 * they only count by their presence in the key set.
 */
export function compareExchange(recorded: RecordedExchange, live: LiveAnswer, options: CompareOptions = {}): Difference[] {
  const differences: Difference[] = []
  if (live.status !== recorded.status) differences.push({ field: 'status', expected: recorded.status, actual: live.status })
  const [wantType, gotType] = [mediaType(recorded.contentType), mediaType(live.contentType)]
  if (wantType !== gotType) differences.push({ field: 'content type', expected: wantType, actual: gotType })
  const bothJson = isJsonType(recorded.contentType) && isJsonType(live.contentType)
  if (!bothJson || !isStructured(recorded.response)) return differences
  const errorField = options.errorField ?? '/error_code'
  const wantError = getByPointer(recorded.response, errorField)
  const gotError = isStructured(live.body) ? getByPointer(live.body, errorField) : undefined
  if (wantError !== undefined && wantError !== gotError) {
    differences.push({ field: errorField === '/error_code' ? 'error_code' : errorField, expected: wantError, actual: gotError ?? null })
  }
  const ignored = new Set(options.ignorePaths ?? [])
  const want = [...keyPaths(recorded.response)].filter((k) => !ignored.has(k))
  const got = [...keyPaths(live.body)].filter((k) => !ignored.has(k))
  const [wantSet, gotSet] = [new Set(want), new Set(got)]
  const missing = want.filter((k) => !gotSet.has(k))
  const extra = got.filter((k) => !wantSet.has(k))
  if (missing.length > 0 || extra.length > 0) differences.push({ field: 'key set', expected: missing.map((k) => `missing ${k}`), actual: extra.map((k) => `extra ${k}`) })
  if (options.stableKeys?.length) {
    const keys = new Set(options.stableKeys)
    const [wantValues, gotValues] = [valuesAt(recorded.response, keys), valuesAt(live.body, keys)]
    for (const [path, values] of wantValues) {
      const actual = gotValues.get(path)
      // a missing path is already a key-set difference
      if (actual && JSON.stringify(actual) !== JSON.stringify(values)) differences.push({ field: `value ${path}`, expected: values, actual })
    }
  }
  return differences
}

function isStructured(value: unknown): boolean {
  return value !== null && typeof value === 'object'
}
