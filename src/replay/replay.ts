import { buildRequest } from './build-request.js'
import { compareExchange, type CompareOptions, type Difference } from './compare-exchange.js'
import { CutRequests } from './cut-requests.js'
import { endpointKind } from './endpoint-kind.js'
import type { RecordedExchange, Recording, ReplayHandler } from './exchange.js'
import { IdMap } from './id-map.js'
import { isJsonType, parseJson } from './media-type.js'

export interface ReplayOptions extends CompareOptions {
  /** Prepended to every recorded path (e.g. `/api/mlflow` through a proxy). */
  prefix?: string
  /** Added to every request, e.g. `['X-API-Key', key]`; never printed unredacted. */
  headers?: ReadonlyArray<[string, string]>
  /** How ids to substitute are recognised (see IdMap). */
  idKey?: RegExp
  minIdLength?: number
}

export interface ExchangeOutcome {
  /** 1-based position in the recording. */
  index: number
  kind: string
  recorded: RecordedExchange
  /** The request as it was sent (after id substitution and prefix). */
  sent: { method: string; url: string; headers: Array<[string, string]>; body: string | null }
  actual: { status: number; contentType: string; body: unknown }
  differences: Difference[]
  /**
   * Why this exchange is not judged: its own request body was cut by the recording, or it disagrees on an
   * entity a cut request changed (CutRequests). It counts in no agreement; the report lists it.
   */
  skipped?: string
}

export interface ReplayResult {
  file: string
  target: string
  outcomes: ExchangeOutcome[]
  /** Recorded → live ids learned on the way. */
  ids: Array<[string, string]>
}

/**
 * Replays a recording in order against `target`, either a base URL (fetch) or an in-process handler
 * (`createMlflowService().handle`), learning id substitutions from each answer before the next request.
 */
export async function replayRecording(recording: Recording, target: string | ReplayHandler, options: ReplayOptions = {}): Promise<ReplayResult> {
  const origin = typeof target === 'string' ? target : 'http://replay.invalid'
  const send: ReplayHandler = typeof target === 'string' ? (request) => fetch(request, { redirect: 'manual' }) : target
  const ids = new IdMap({ idKey: options.idKey, minLength: options.minIdLength })
  const outcomes: ExchangeOutcome[] = []
  const cut = new CutRequests()
  for (const [i, recorded] of recording.exchanges.entries()) {
    const kind = endpointKind(recorded.method, recorded.path)
    if (recorded.omitted !== undefined && recorded.status >= 400) {
      // a refused request changed nothing on the recorded server: leaving it out keeps both states alike
      const skipped = `the recording cut ${recorded.omitted} characters of the request body; the server refused it, so it is not sent`
      outcomes.push({ index: i + 1, kind, recorded, sent: { method: recorded.method, url: '', headers: [], body: null }, actual: { status: 0, contentType: '', body: '' }, differences: [], skipped })
      continue
    }
    const { request, body } = buildRequest(recorded, { origin, prefix: options.prefix, headers: options.headers, ids })
    const sent = { method: request.method, url: request.url, headers: [...request.headers], body }
    let actual: ExchangeOutcome['actual']
    try {
      const response = await send(request)
      const contentType = response.headers.get('content-type') ?? ''
      const text = await response.text()
      const parsed = isJsonType(contentType) ? parseJson(text) : undefined
      actual = { status: response.status, contentType, body: parsed === undefined ? text : parsed }
    } catch (error) {
      // an unreachable target is an answer that agrees with nothing, not a crash halfway through
      actual = { status: 0, contentType: '', body: `request failed: ${(error as Error).message}` }
    }
    const differences = recorded.omitted === undefined ? compareExchange(recorded, actual, options) : []
    const explainedBy = differences.length > 0 ? cut.explaining(recorded, actual.body) : undefined
    const skipped = recorded.omitted !== undefined
      ? `the recording cut ${recorded.omitted} characters of the request body; sent with the elements it kept, not judged`
      : explainedBy !== undefined ? `disagrees on an entity that #${explainedBy} changed, whose request body the recording cut` : undefined
    if (recorded.omitted !== undefined && recorded.body !== null && body !== null) {
      cut.note(i + 1, recorded.body)
      cut.note(i + 1, body)
    }
    // an answer of another status describes another entity (or none): nothing to learn from it
    if (isJsonType(recorded.contentType) && actual.status === recorded.status) ids.learn(recorded.response, actual.body)
    outcomes.push({ index: i + 1, kind, recorded, sent, actual, differences, ...(skipped ? { skipped } : {}) })
  }
  return { file: recording.file, target: typeof target === 'string' ? target : 'in-process handler', outcomes, ids: ids.entries() }
}
