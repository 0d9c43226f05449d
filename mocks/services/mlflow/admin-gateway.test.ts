import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { downService } from '../../../src/mocks/index.js'
import { createAuthService, createKeyTable } from '../auth/index.js'
import { gatewayKey } from './admin-gateway.js'
import { createMlflowService } from './index.js'
import { mlflowClient } from './mlflow-client.js'

// The MLflow container behind hokusai_mlflow_admin_gateway (auth-service.md §7), keys checked by the auth mock
const keys = createKeyTable('gateway-unit')
const container = (auth = createAuthService({ keys })) => mlflowClient(createMlflowService({ auth }), 'https://registry.hokus.ai')
const search = '/mlflow/ajax-api/2.0/mlflow/experiments/search'
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

describe('admin gateway › who gets through', () => {
  const rows: [string, { headers: Record<string, string>; query?: string; status: number; body?: unknown; retryAfter?: string }][] = [
    ['no key → 401', { headers: {}, status: 401, body: { detail: 'API key required' } }],
    ['query api_key is not read → 401 as if no key', { headers: {}, query: `?api_key=${keys.admin}`, status: 401, body: { detail: 'API key required' } }],
    ['admin Bearer key → MLflow answers', { headers: bearer(keys.admin), status: 200 }],
    ['admin key as `ApiKey` → MLflow answers', { headers: { authorization: `ApiKey ${keys.admin}` }, status: 200 }],
    ['admin key in X-API-Key → MLflow answers', { headers: { 'x-api-key': keys.admin }, status: 200 }],
    ['admin scope (not is_admin) → MLflow answers', { headers: bearer(keys['admin-scope']), status: 200 }],
    ['invalid Bearer wins over a valid X-API-Key → 401', { headers: { ...bearer(keys.invalid), 'x-api-key': keys.admin }, status: 401, body: { detail: 'Invalid or expired API key' } }],
    ['writer (not an admin) → 403', { headers: bearer(keys.writer), status: 403, body: { detail: 'Admin access required for the model registry', error: 'REGISTRY_ADMIN_REQUIRED' } }],
    ['auth 429 → 401, the gateway has no 429', { headers: bearer(keys.ratelimited), status: 401, body: { detail: 'Rate limit exceeded' } }],
    ['auth 5xx → 503 + retry-after', { headers: bearer(keys['auth-down']), status: 503, body: { detail: 'Authentication service error' }, retryAfter: '1' }],
    ['auth 200 with a non-object → 401', { headers: bearer(keys['bad-shape']), status: 401, body: { detail: 'Authentication service error' } }],
  ]
  for (const [title, want] of rows) {
    test(title, async () => {
      const r = await container().send('GET', search + (want.query ?? ''), undefined, want.headers)
      assert.equal(r.status, want.status)
      if (want.body !== undefined) assert.deepEqual([r.contentType, r.json], ['application/json', want.body])
      if (want.status === 200) assert.equal(r.json.experiments[0].name, 'Default')
    })
  }

  test('auth service down → 503 "Authentication service unavailable" with retry-after: 1', async () => {
    const c = mlflowClient(createMlflowService({ auth: downService('auth') }))
    const r = await c.send('GET', search, undefined, bearer(keys.admin))
    assert.deepEqual([r.status, r.json], [503, { detail: 'Authentication service unavailable' }])
  })

  test('the retry-after header is on 503 only', async () => {
    const auth = createAuthService({ keys })
    const service = createMlflowService({ auth })
    const down = await service.handle(new Request(`https://registry.hokus.ai${search}`, { headers: bearer(keys['auth-down']) }))
    assert.equal(down.headers.get('retry-after'), '1')
    const refused = await service.handle(new Request(`https://registry.hokus.ai${search}`))
    assert.equal(refused.headers.get('retry-after'), null)
  })
})

describe('admin gateway › what needs no key', () => {
  test('/health and /mlflow/health: the gateway answers {"status":"ok"} itself', async () => {
    for (const path of ['/health', '/mlflow/health']) {
      const r = await container().send('GET', path)
      assert.deepEqual([r.status, r.contentType, r.json], [200, 'application/json', { status: 'ok' }], path)
    }
  })

  test('OPTIONS passes through to MLflow without a key check', async () => {
    const r = await container().send('OPTIONS', search)
    assert.notEqual(r.status, 401)
    assert.match(r.contentType, /^text\/html/) // MLflow's own page, not the gateway's JSON
  })

  test('/mlflow/health/mlflow is not a health path: key first, then MLflow has no such route', async () => {
    const c = container()
    assert.equal((await c.send('GET', '/mlflow/health/mlflow')).status, 401)
    const page = await c.send('GET', '/mlflow/health/mlflow', undefined, bearer(keys.admin))
    assert.deepEqual([page.status, page.contentType], [404, 'text/html; charset=utf-8'])
  })
})

describe('admin gateway › static prefix /mlflow', () => {
  const rows: [string, number, string][] = [
    ['/mlflow/version', 200, 'text/html; charset=utf-8'],
    ['/version', 404, 'text/html; charset=utf-8'],
    ['/mlflow/ajax-api/2.0/mlflow/experiments/get?experiment_id=0', 200, 'application/json'],
    ['/ajax-api/2.0/mlflow/experiments/get?experiment_id=0', 404, 'text/html; charset=utf-8'],
    ['/api/2.0/mlflow/experiments/get?experiment_id=0', 200, 'application/json'], // REST is never prefixed
    ['/mlflow/api/2.0/mlflow/experiments/get?experiment_id=0', 404, 'text/html; charset=utf-8'], // §8: this URI fails
  ]
  for (const [path, status, type] of rows) {
    test(`${path} → ${status}`, async () => {
      const r = await container().send('GET', path, undefined, bearer(keys.admin))
      assert.deepEqual([r.status, r.contentType], [status, type])
    })
  }
})

describe('gatewayKey', () => {
  const key = (headers: Record<string, string>, query = '') => gatewayKey(new Request(`https://x.test/mlflow/version${query}`, { headers }))
  test('Bearer, then ApiKey, then X-API-Key; never the query', () => {
    assert.equal(key({ authorization: 'Bearer k1', 'x-api-key': 'k2' }), 'k1')
    assert.equal(key({ authorization: 'ApiKey k1' }), 'k1')
    assert.equal(key({ authorization: 'Basic abc', 'x-api-key': 'k2' }), 'k2')
    assert.equal(key({}, '?api_key=k3'), undefined)
  })
})
