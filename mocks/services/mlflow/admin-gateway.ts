import { InProcessRequest } from '../../../src/mocks/in-process-request.js'
import type { MockService } from '../../../src/mocks/service.js'
import { callService } from '../api/call-service.js'
import { isRegistryAdmin, principalFromValidation } from '../api/principal.js'

// hokusai_mlflow_admin_gateway (auth-service.md §7, mlflow-proxy.md §10): the MLflow container's front
// door. It validates the caller's key a second time, for direct /mlflow/* traffic and for every request
// the API proxy forwards (the proxy passes Authorization and X-API-Key on unchanged, mlflow-proxy.md §3).

const HEALTH_PATHS = new Set(['/health', '/mlflow/health']) // MLFLOW_ADMIN_AUTH_HEALTH_PATHS default
const AUTH_TIMEOUT_MS = 5000 // HOKUSAI_AUTH_SERVICE_TIMEOUT default
const SERVICE_ID = 'platform' // HOKUSAI_AUTH_SERVICE_ID default
const AUTH_BASE = 'http://auth.internal' // HOKUSAI_AUTH_SERVICE_URL; the host is a stand-in in-process

type Verdict = { kind: 'valid'; admin: boolean } | { kind: 'refused'; status: 401 | 503; detail: string }

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/**
 * The key the gateway reads: `Authorization: Bearer|ApiKey <key>`, then `X-API-Key`. Unlike the API
 * middleware it never reads the `api_key` query parameter, so a query-only key is "no key".
 */
export function gatewayKey(request: Request): string | undefined {
  const authorization = request.headers.get('authorization') ?? ''
  for (const scheme of ['Bearer ', 'ApiKey ']) {
    if (authorization.startsWith(scheme)) return authorization.slice(scheme.length) || undefined
  }
  return request.headers.get('x-api-key') || undefined
}

/** POST /api/v1/keys/validate; unlike the API, only 5xx, timeouts and outages are 503, every 4xx is a 401 (no 429). */
async function validate(auth: MockService, key: string, request: Request): Promise<Verdict> {
  const hop = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  const result = await callService(auth, new InProcessRequest(`${AUTH_BASE}/api/v1/keys/validate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(hop ? { service_id: SERVICE_ID, client_ip: hop } : { service_id: SERVICE_ID }),
  }), AUTH_TIMEOUT_MS)
  const unavailable = (detail: string): Verdict => ({ kind: 'refused', status: 503, detail })
  if (result.kind === 'timeout') return unavailable('Authentication service timeout')
  if (result.kind === 'unreachable') return unavailable('Authentication service unavailable')
  const { status } = result.response
  if (status === 401) return { kind: 'refused', status: 401, detail: 'Invalid or expired API key' }
  if (status === 429) return { kind: 'refused', status: 401, detail: 'Rate limit exceeded' }
  if (status >= 500) return unavailable('Authentication service error')
  if (status !== 200) return { kind: 'refused', status: 401, detail: 'Authentication service error' }
  let body: unknown
  try {
    body = JSON.parse(await result.response.text())
  } catch {
    return unavailable('Authentication service unavailable') // docs are silent here; as the API classifies it
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'refused', status: 401, detail: 'Authentication service error' } // silent too; as the API
  }
  return { kind: 'valid', admin: isRegistryAdmin(principalFromValidation(body as Record<string, unknown>)) }
}

/** Wraps MLflow's request handler in the gateway: health paths public, OPTIONS passed through, the rest admin-only. */
export function withAdminGateway(
  mlflow: (request: Request) => Promise<Response>, auth: MockService,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (HEALTH_PATHS.has(new URL(request.url).pathname)) return json({ status: 'ok' }, 200)
    if (request.method === 'OPTIONS') return mlflow(request)
    const key = gatewayKey(request)
    if (!key) return json({ detail: 'API key required' }, 401)
    const verdict = await validate(auth, key, request)
    if (verdict.kind === 'refused') {
      return json({ detail: verdict.detail }, verdict.status, verdict.status === 503 ? { 'retry-after': '1' } : {})
    }
    if (!verdict.admin) return json({ detail: 'Admin access required for the model registry', error: 'REGISTRY_ADMIN_REQUIRED' }, 403)
    return mlflow(request)
  }
}
