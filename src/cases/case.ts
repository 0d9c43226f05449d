/** A credential placed in one scheme's location; 'valid' and 'invalid' are resolved by the target at send time. */
export interface CaseCredential {
  scheme: string
  key: 'valid' | 'invalid'
}

export type CaseKind = 'positive' | 'auth' | 'unrouted' | 'malformed' | GeneratedKind
/** Cases made by the property runner from generated inputs: judged by what the document allows, not by one expected status. */
export type GeneratedKind = 'generated' | 'negative' | 'unauthenticated' | 'stateful'
export const GENERATED_KINDS: ReadonlySet<CaseKind> = new Set<CaseKind>(['generated', 'negative', 'unauthenticated', 'stateful'])

export interface CaseRequest {
  method: string
  host: string
  path: string // concrete, parameters filled in
  url?: string // an absolute URL that replaces the host's base URL + path (a client with its own base, e.g. MLFLOW_TRACKING_URI)
  query: Record<string, string>
  headers: Record<string, string>
  body?: unknown // JSON value; strings containing {{unique}} are filled in at send time
  rawBody?: string // sent as is (malformed JSON)
  credential: string | undefined // which x-variables credential 'valid' means
  auth: CaseCredential[]
}

/** One request to send and what the contract says must come back. Pure data: no secrets, no URLs. */
export interface Case {
  id: string
  title: string
  operationId: string | undefined // undefined for unknown-route probes
  kind: CaseKind
  name: string // what the case checks, the last part of the title
  request: CaseRequest
  /** `tolerated`: statuses that are reported as a warning, not a failure (an undocumented 4xx for a deliberately bad request) */
  expect: { statuses: string[]; service: string; tolerated?: string[] }
  tags: string[]
  mutates: boolean
}

/** An operation that could not produce a case, with the reason: reported, never silently skipped. */
export interface Untestable {
  operationId: string
  title: string
  pointer: string
  reason: string
}
