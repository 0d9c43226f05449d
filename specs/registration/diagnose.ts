import type { Exchange } from '../../src/index.js'

/** What a step runner keeps of an exchange: enough to say who answered and why. */
export type RecordedExchange = Pick<Exchange, 'request' | 'response'>

export interface Diagnosis {
  answered: string // which service produced the answer, in a platform engineer's words
  cause: string // the likely cause, one sentence
}

// An MLflow client builds every URL as {MLFLOW_TRACKING_URI}/api/2.0/mlflow[-artifacts]/…, whatever the mount.
const MLFLOW_CALL = /\/api\/2\.0\/mlflow(-artifacts)?(\/|$)/
const MLFLOW_PROXIED = 'MLflow, through the API proxy'
const API = 'the Hokusai API (FastAPI {"detail": …})'

/** Why one answer of the registration flow is not what an MLflow client needs, from its signature on the wire. */
export function diagnose(x: RecordedExchange): Diagnosis {
  const { status, text } = x.response
  const body = isObject(x.response.json) ? x.response.json : undefined
  const path = pathOf(x.request.url)
  const mlflowCall = MLFLOW_CALL.test(path)
  const code = typeof body?.error_code === 'string' ? body.error_code : undefined
  const detail = body?.detail

  if (status === 403 && text.includes('REGISTRY_ADMIN_REQUIRED')) {
    return { answered: 'the Hokusai API auth middleware (MLflow never saw the request)', cause: 'the key is not a registry admin: 403 REGISTRY_ADMIN_REQUIRED; use a registry-admin key as HOKUSAI_API_KEY' }
  }
  if ((status === 502 || status === 504) && detail !== undefined) {
    const what = status === 504 ? 'the upstream request timed out' : 'the proxy could not connect'
    return { answered: 'the Hokusai API MLflow proxy', cause: `MLflow unreachable from the proxy (${status}: ${what}); check the MLflow service and the proxy's MLFLOW_TRACKING_URI` }
  }
  if (body === undefined && status === 404) {
    // werkzeug's page: MLflow answered, and no proxy rewrote its HTML 404 into JSON
    if (/<title>404 Not Found<\/title>/i.test(text)) {
      return { answered: 'MLflow itself (its HTML 404 page)', cause: 'the request bypassed the API proxy: the load balancer or MLFLOW_TRACKING_URI sends it to MLflow directly' }
    }
    const where = mlflowCall ? '`/api/mlflow/*`' : `\`${path}\``
    return { answered: 'the load balancer (its fixed non-JSON 404; no service saw the request)', cause: `${where} not routed: no load balancer rule sends it to the API` }
  }
  if (body === undefined && status >= 502 && status <= 504) {
    return { answered: `the load balancer (non-JSON ${status})`, cause: 'no healthy target behind the load balancer: the API (or MLflow) is down or failing health checks' }
  }
  if (status === 404 && detail === 'Not Found' && Object.keys(body ?? {}).length === 1) {
    return mlflowCall
      ? { answered: `${API}, not MLflow`, cause: 'misrouted: the API answered without the proxy; a broader rule or route caught the MLflow path before the proxy' }
      : { answered: API, cause: 'route absent from the running API (deploy mismatch: old build or import error)' }
  }
  if (status === 404 && (code === 'ENDPOINT_NOT_FOUND' || code === 'RESOURCE_NOT_FOUND')) {
    const who = code === 'RESOURCE_NOT_FOUND' ? 'the MLflow proxy (its JSON rewrite of an MLflow HTML 404)' : MLFLOW_PROXIED
    return { answered: who, cause: `path rewritten wrongly by the proxy: MLflow has no endpoint at the path it received (${code})` }
  }
  if (status === 401) return { answered: API, cause: 'the key was refused (401): HOKUSAI_API_KEY is missing, invalid or expired' }
  if (status === 503 && /Authentication service/i.test(text)) return { answered: API, cause: 'dependency down: the auth service (the API cannot validate keys)' }
  if (status === 503 && text.includes('ARTIFACTS_DISABLED')) return { answered: 'the Hokusai API MLflow proxy', cause: 'artifact serving is off in the proxy (MLFLOW_SERVE_ARTIFACTS is not true)' }
  if (status === 429) return { answered: API, cause: 'rate limited (429): retry later or use a key with a higher limit' }
  if (status === 500 && detail !== undefined) return { answered: 'the Hokusai API MLflow proxy', cause: 'the proxy failed while forwarding to MLflow (500)' }
  if (code !== undefined) {
    // The proxy forwards no DELETE body, and MLflow's DELETE RPCs take their parameters only there.
    if (x.request.method === 'DELETE' && code === 'INVALID_PARAMETER_VALUE') {
      return { answered: MLFLOW_PROXIED, cause: 'the proxy dropped the DELETE body, so MLflow saw no parameters (known proxy deviation)' }
    }
    return { answered: MLFLOW_PROXIED, cause: `MLflow refused the request (${status} ${code})` }
  }
  if (detail !== undefined) return { answered: API, cause: `the API refused the request (${status})` }
  if (status < 400) return { answered: mlflowCall ? MLFLOW_PROXIED : 'the Hokusai API', cause: 'the answer does not match the contract (below)' }
  return { answered: 'unidentified (no known signature)', cause: `unexpected ${status} answer` }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}
