// Stand-in auth and MLflow services for this folder's unit tests (auth-service.md §9 principals).
import type { MockService } from '../../../src/mocks/service.js'

const principal = (overrides: Record<string, unknown>) => ({
  user_id: 'user-1', email: 'user@example.test', key_id: 'key-1', service_id: 'platform', scopes: ['model:read'],
  roles: [], is_admin: false, rate_limit_per_hour: 1000, has_sufficient_balance: true, balance: 10, ...overrides,
})
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const answers: Record<string, () => Response | Promise<Response>> = {
  'test-admin-key': () => json(principal({ user_id: 'user-admin-1', key_id: 'key-admin-1', is_admin: true, scopes: ['model:read', 'model:write', 'mlflow:admin'] })),
  'test-admin-scope-key': () => json(principal({ scopes: ['mlflow:admin'] })),
  'test-nested-admin-key': () => json({ user: { id: 'user-nested', is_admin: true }, key_id: 'key-nested' }),
  'test-writer-key': () => json(principal({ key_id: 'key-writer', scopes: ['model:write'] })),
  'test-reader-key': () => json(principal({ key_id: 'key-reader' })),
  'test-broke-key': () => json(principal({ has_sufficient_balance: false })),
  'test-debit-reject-key': () => json(principal({ key_id: 'key-debit-reject' })),
  'test-debit-500-key': () => json(principal({ key_id: 'key-debit-500' })),
  'test-no-keyid-key': () => json(principal({ key_id: null })),
  'test-invalid-key': () => json({ detail: 'invalid' }, 401),
  'test-ratelimited-key': () => json({ detail: 'slow down' }, 429),
  'test-auth-down-key': () => json({ detail: 'boom' }, 500),
  'test-auth-403-key': () => json({ detail: 'revoked' }, 403),
  'test-bad-shape-key': () => json([]),
  'test-not-json-key': () => new Response('<html>gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
  'test-auth-throws-key': () => { throw new TypeError('fetch failed') },
  'test-auth-timeout-key': () => { throw new DOMException('The operation timed out', 'TimeoutError') },
  'test-auth-hangs-key': () => new Promise<Response>(() => {}),
}

export interface AuthStandIn extends MockService {
  validations: { authorization: string | null; body: unknown }[]
  debits: { path: string; authorization: string | null; body: Record<string, unknown> }[]
}

/** Answers validate by key (Bearer header only) and debit by key id. */
export function authStandIn(): AuthStandIn {
  const validations: AuthStandIn['validations'] = []
  const debits: AuthStandIn['debits'] = []
  return {
    name: 'auth', validations, debits,
    async handle(request) {
      const url = new URL(request.url)
      const body = JSON.parse(await request.text()) as Record<string, unknown>
      if (request.method === 'POST' && url.pathname === '/api/v1/keys/validate') {
        const authorization = request.headers.get('authorization')
        validations.push({ authorization, body })
        const answer = answers[authorization?.replace(/^Bearer /, '') ?? '']
        return answer ? answer() : json({ detail: 'unknown key' }, 401)
      }
      debits.push({ path: url.pathname, authorization: request.headers.get('authorization'), body })
      if (url.pathname.includes('key-debit-reject')) return json({ detail: { error: 'INSUFFICIENT_BALANCE', message: 'Balance too low' } }, 402)
      if (url.pathname.includes('key-debit-500')) return json({ detail: 'ledger down' }, 500)
      return json({ ok: true })
    },
  }
}

/** Echoes what reached it; `/html-404/…` answers MLflow's HTML 404, `/html-405` its HTML 405. */
export function mlflowEcho(mode: 'up' | 'down' | 'timeout' = 'up'): MockService {
  return {
    name: 'mlflow',
    async handle(request) {
      if (mode === 'down') throw new TypeError('fetch failed: ECONNREFUSED')
      if (mode === 'timeout') throw new DOMException('The operation timed out', 'TimeoutError')
      const url = new URL(request.url)
      if (url.pathname.includes('html-404')) return new Response('<!doctype html><title>404 Not Found</title>', { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } })
      if (url.pathname.includes('html-405')) return new Response('<!doctype html><title>405</title>', { status: 405, headers: { 'content-type': 'text/html; charset=utf-8' } })
      return json({
        method: request.method, url: request.url, path: url.pathname, query: [...url.searchParams],
        headers: Object.fromEntries(request.headers), body: await request.text(),
      })
    },
  }
}

/** One request to `service` on the API host; the body is JSON-encoded unless it is a string. */
export async function call(
  service: MockService, method: string, path: string,
  options: { key?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers: Record<string, string> = { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers }
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const response = await service.handle(new Request(`https://api.hokus.ai${path}`, { method, headers, body }))
  const text = await response.text()
  let json: unknown
  try { json = JSON.parse(text) } catch { json = undefined }
  return { status: response.status, headers: response.headers, text, json }
}
