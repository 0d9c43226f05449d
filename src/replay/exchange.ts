/** One recorded request/response pair, whichever file format it came from (transcript JSON or HAR 1.2). */
export interface RecordedExchange {
  /** Label for reports: the transcript's title, or `METHOD path` for HAR entries. */
  title: string
  method: string
  /** Path and query string as sent, e.g. `/api/2.0/mlflow/runs/get?run_id=abc`. */
  path: string
  /** Request headers to resend, without Content-Type (that is `bodyType`) and without hop-by-hop ones. */
  headers: Array<[name: string, value: string]>
  /** Raw request body, or null for none. */
  body: string | null
  /** Content-Type sent with the body; null sends none (a body with no Content-Type is a case of its own). */
  bodyType: string | null
  status: number
  contentType: string
  /** Parsed JSON when the recorded body was JSON, else the raw text. */
  response: unknown
  /**
   * Characters of the request body the recording left off. Such an exchange is not judged: it is sent
   * repaired (its complete elements) when the server accepted it, and not at all when it refused it.
   */
  omitted?: number
}

export interface Recording {
  file: string
  exchanges: RecordedExchange[]
}

/** Whatever answers a Request: a live origin through fetch, or an in-process mock's `handle`. */
export type ReplayHandler = (request: Request) => Promise<Response>
