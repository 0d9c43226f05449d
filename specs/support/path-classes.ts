import { matchPathPattern } from '../../src/routing/index.js'
import { GATEWAYZ, HOKUSAI } from './contract-files.js'

/**
 * One probe per routed path class: a request whose answer only the service the contract names can
 * give. `proof` says how the answer shows who gave it: the service's fingerprint (x-services), the
 * success schema nobody else produces, or a page the contract shows as an example.
 */
export interface RoutingProbe {
  pathClass: string // the load balancer path pattern (routing.yaml) this probe exercises
  contract: string
  operationId: string
  input: {
    path?: Record<string, string>
    query?: Record<string, string>
    body?: unknown
    auth?: 'valid' | 'invalid'
    expect: string[]
    name: string
  }
  proves: string // the end of the test title: what only the right service can answer
  proof: 'fingerprint' | 'schema' | { example: string; status: string; mediaType: string }
  hosts?: string[] // default: every host in the operation's x-hosts
}

export const routingProbes: readonly RoutingProbe[] = [
  {
    pathClass: '/api/v1/*', contract: HOKUSAI, operationId: 'getModelInfo',
    input: { path: { model_id: '999' }, expect: ['404'], name: 'unknown model 999 answers 404' },
    proves: 'the serving route\'s own JSON 404 for an unknown model', proof: 'fingerprint',
  },
  {
    pathClass: '/api/mlflow/*', contract: HOKUSAI, operationId: 'getMlflowExperimentByName',
    input: { query: { experiment_name: '{{unique}}' }, expect: ['404'], name: 'a random experiment name answers RESOURCE_DOES_NOT_EXIST' },
    proves: 'MLflow\'s RESOURCE_DOES_NOT_EXIST for a random experiment name, through the API proxy', proof: 'fingerprint',
  },
  {
    pathClass: '/api/health*', contract: HOKUSAI, operationId: 'getApiHealth',
    input: { expect: ['200'], name: 'healthy' },
    proves: 'the API\'s health document', proof: 'schema',
  },
  {
    // MLflow serves REST under /mlflow only as ajax-api: its own HTML 404 for the REST prefix proves the
    // container answered (the API's proxy would have forwarded the call and answered JSON).
    pathClass: '/mlflow/*', contract: HOKUSAI, operationId: 'mlflowDirectGet',
    input: { path: { path: 'api/2.0/mlflow/experiments/search' }, expect: ['404'], name: 'the REST prefix answers MLflow\'s HTML 404' },
    proves: 'the MLflow container\'s own HTML 404 for the REST prefix it does not serve',
    proof: { example: 'restPrefixNotServed', status: '404', mediaType: 'text/html' },
  },
  {
    pathClass: '/health', contract: HOKUSAI, operationId: 'getHealth',
    input: { expect: ['200'], name: 'healthy' },
    proves: 'the API\'s health document', proof: 'schema',
  },
  {
    pathClass: '/api/v1/*', contract: HOKUSAI, operationId: 'validateApiKey',
    input: { body: { service_id: 'platform' }, auth: 'invalid', expect: ['401'], name: 'an invalid key answers the auth service\'s 401' },
    proves: 'the auth service\'s own 401 for an invalid key on keys/validate', proof: 'fingerprint',
  },
  {
    pathClass: '/v1/*', contract: GATEWAYZ, operationId: 'listGateways',
    input: { expect: ['200'], name: 'the gateway list' },
    proves: 'the catalog\'s gateway list', proof: 'fingerprint',
  },
]

/** The first path class (a load balancer pattern) a concrete path falls in. */
export function pathClassOf(path: string, classes: readonly string[]): string | undefined {
  return classes.find((pattern) => matchPathPattern(pattern, path))
}

/** The concrete path a probe sends: its path parameters filled in, the rest as the contract writes it. */
export function probePath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => params[name] ?? whole)
}
