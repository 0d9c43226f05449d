import type { DocumentSet, Location } from './documents.js'

export interface MediaSpec {
  mediaType: string
  schema: Location | undefined
  examples: Record<string, unknown>
}

export interface ResponseSpec {
  status: string // '200', '4XX' or 'default'
  service: string | undefined // x-service of this response when another service produces it
  headers: string[]
  content: MediaSpec[]
  at: Location
}

export interface ParameterSpec {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: Location | undefined
  examples: Record<string, unknown> // 'default' holds a single `example`
}

export interface KnownDeviation {
  summary: string
  current?: { status?: number; body?: unknown }
  reference?: string
}

export interface Operation {
  id: string
  method: string // upper case
  path: string
  service: string
  via: string | undefined
  hosts: string[]
  tags: string[]
  security: Array<Record<string, string[]>> // [] = public
  credential: string | undefined
  safe: boolean // may run against a read-only target
  parameters: ParameterSpec[]
  requestBody: { required: boolean; content: MediaSpec[] } | undefined
  responses: ResponseSpec[]
  knownDeviation: KnownDeviation | undefined
  latencyBudget: { budget: number; enforce: boolean } | undefined
  at: Location
  /** `file#pointer` of the operation, as shown in messages. */
  pointer: string
}

export interface VariableSpec {
  name: string
  description: string
  host: string | undefined // the public host whose base URL this variable holds
  secret: boolean
  credential: string | undefined
  /** the security scheme whose credential this variable holds (CONTRACT_AUTH_<SCHEME>) */
  scheme: string | undefined
  optional: boolean
  default: string | undefined // may reference other variables: '${HOKUSAI_REGISTRY_URL}/api/mlflow'
  /** used by live targets when nothing else sets the variable: the document's first `servers` URL */
  serverDefault: string | undefined
  /** on the default (mock) target an unset value is served by the mock generated from the document */
  generatedMock: boolean
}

export interface ServiceSpec {
  name: string
  description: string
  fingerprint: Location | undefined // JSON Schema over { status, contentType, headers, body }
}

export interface ServerSpec {
  url: string
  environment: string | undefined
  host: string | undefined
}

export interface SecuritySchemeSpec {
  name: string
  type: string
  in: 'header' | 'query' | 'cookie' | undefined
  parameterName: string | undefined // header or query parameter name for apiKey schemes
  scheme: string | undefined // 'bearer' for http schemes
}

export interface Contract {
  file: string // as given, relative paths kept for messages
  title: string
  version: string
  /** the OpenAPI (or Swagger) version the document was written in; the model is always 3.1 */
  openapiVersion: string
  hash: string // sha256 over every file of the contract
  documents: DocumentSet
  operations: Operation[]
  variables: VariableSpec[]
  hosts: string[]
  services: Record<string, ServiceSpec>
  securitySchemes: Record<string, SecuritySchemeSpec>
  authPrecedence: string[]
  servers: ServerSpec[]
  /** no `x-services`: a document as a team has it, one service; the platform extensions are absent */
  plain: boolean
}
