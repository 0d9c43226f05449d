import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createApiService } from './create-api-service.js'
import type { ApiSettings } from './settings.js'
import { authStandIn, call, mlflowEcho } from './test-stand-ins.js'

function setup(settings: Partial<ApiSettings> = {}) {
  const auth = authStandIn()
  return { auth, api: createApiService({ settings: { authTimeoutMs: 50, ...settings }, auth, mlflow: mlflowEcho() }) }
}

describe('api middleware › §4.3 responses', () => {
  const rows: [string, { key?: string; path?: string; want: { status: number; body: unknown; retryAfter?: string } }][] = [
    ['no key → 401 API key required', { want: { status: 401, body: { detail: 'API key required' } } }],
    ['auth 401 → 401 invalid', { key: 'test-invalid-key', want: { status: 401, body: { detail: 'Invalid or expired API key' } } }],
    ['auth 429 → 429 + Retry-After 60', { key: 'test-ratelimited-key', want: { status: 429, body: { detail: 'Rate limit exceeded' }, retryAfter: '60' } }],
    ['auth 500 → 503 service error', { key: 'test-auth-down-key', want: { status: 503, body: { detail: 'Authentication service error' }, retryAfter: '1' } }],
    ['auth 403 → 401 (intended, §7 #9)', { key: 'test-auth-403-key', want: { status: 401, body: { detail: 'Invalid or expired API key' } } }],
    ['auth 200 non-object JSON → 401 service error', { key: 'test-bad-shape-key', want: { status: 401, body: { detail: 'Authentication service error' } } }],
    ['auth 200 not JSON → 503 unavailable', { key: 'test-not-json-key', want: { status: 503, body: { detail: 'Authentication service unavailable' }, retryAfter: '1' } }],
    ['auth throws → 503 unavailable', { key: 'test-auth-throws-key', want: { status: 503, body: { detail: 'Authentication service unavailable' }, retryAfter: '1' } }],
    ['auth TimeoutError → 503 timeout', { key: 'test-auth-timeout-key', want: { status: 503, body: { detail: 'Authentication service timeout' }, retryAfter: '1' } }],
    ['auth hangs past the timeout → 503 timeout', { key: 'test-auth-hangs-key', want: { status: 503, body: { detail: 'Authentication service timeout' }, retryAfter: '1' } }],
    ['non-admin on registry path → 403 REGISTRY_ADMIN_REQUIRED', { key: 'test-writer-key', path: '/api/mlflow/api/2.0/mlflow/experiments/search', want: { status: 403, body: { detail: 'Admin access required for the model registry', error: 'REGISTRY_ADMIN_REQUIRED' } } }],
    ['insufficient balance → 402', { key: 'test-broke-key', want: { status: 402, body: { detail: 'Insufficient balance' } } }],
    ['debit rejected → 402 usage_debit_rejected', { key: 'test-debit-reject-key', want: { status: 402, body: { error: 'usage_debit_rejected', reason: 'Balance too low', reason_code: 'INSUFFICIENT_BALANCE' } } }],
    ['debit 500 → fail-open', { key: 'test-debit-500-key', want: { status: 200, body: { model_id: '21', name: 'Sales Lead Scoring Model', type: 'sklearn', storage: 'huggingface_private', is_available: true, inference_methods: ['api', 'local'], max_batch_size: 100 } } }],
  ]
  for (const [title, { key, path = '/api/v1/models/21/info', want }] of rows) {
    test(title, async () => {
      const { api } = setup()
      const response = await call(api, 'GET', path, { key })
      assert.equal(response.status, want.status)
      assert.deepEqual(response.json, want.body)
      assert.equal(response.headers.get('retry-after'), want.retryAfter ?? null)
    })
  }

  test('auth 4xx → 503 when the §7 #9 bug is switched on', async () => {
    const { api } = setup({ auth4xxAs503: true })
    const response = await call(api, 'GET', '/api/v1/models/21/info', { key: 'test-auth-403-key' })
    assert.equal(response.status, 503)
    assert.deepEqual(response.json, { detail: 'Authentication service error' })
  })
})

describe('api middleware › key sources', () => {
  const sources: [string, { headers: Record<string, string>; query?: string; want: number; sent?: string }][] = [
    ['Bearer', { headers: { authorization: 'Bearer test-reader-key' }, want: 200, sent: 'Bearer test-reader-key' }],
    ['ApiKey', { headers: { authorization: 'ApiKey test-reader-key' }, want: 200, sent: 'Bearer test-reader-key' }],
    ['X-API-Key', { headers: { 'x-api-key': 'test-reader-key' }, want: 200, sent: 'Bearer test-reader-key' }],
    ['query api_key', { headers: {}, query: '?api_key=test-reader-key', want: 200, sent: 'Bearer test-reader-key' }],
    ['lower-case bearer falls through to X-API-Key', { headers: { authorization: 'bearer nope', 'x-api-key': 'test-reader-key' }, want: 200, sent: 'Bearer test-reader-key' }],
    ['Basic falls through to the query', { headers: { authorization: 'Basic Zm9vOmJhcg==' }, query: '?api_key=test-reader-key', want: 200, sent: 'Bearer test-reader-key' }],
    ['Bearer wins over X-API-Key', { headers: { authorization: 'Bearer test-invalid-key', 'x-api-key': 'test-reader-key' }, want: 401, sent: 'Bearer test-invalid-key' }],
    ['X-API-Key wins over the query', { headers: { 'x-api-key': 'test-invalid-key' }, query: '?api_key=test-reader-key', want: 401, sent: 'Bearer test-invalid-key' }],
    ['empty Bearer → 401 without fall-through', { headers: { authorization: 'Bearer ', 'x-api-key': 'test-reader-key' }, want: 401 }],
  ]
  for (const [title, { headers, query = '', want, sent }] of sources) {
    test(title, async () => {
      const { api, auth } = setup()
      const response = await call(api, 'GET', `/api/v1/models/21/info${query}`, { headers })
      assert.equal(response.status, want)
      assert.equal(auth.validations[0]?.authorization, sent)
    })
  }

  test('validate gets service_id and the first X-Forwarded-For hop, never the key in the body', async () => {
    const { api, auth } = setup()
    await call(api, 'GET', '/', { key: 'test-reader-key', headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } })
    assert.deepEqual(auth.validations[0]?.body, { service_id: 'platform', client_ip: '203.0.113.7' })
  })
})

describe('api middleware › public paths, OPTIONS, registry gate, debit', () => {
  for (const path of ['/health', '/health/alb', '/ready', '/live', '/version', '/metrics', '/docs', '/openapi.json', '/api/v1/dspy/health', '/api/health/mlflow']) {
    test(`${path} needs no key`, async () => {
      const { api, auth } = setup()
      const response = await call(api, 'GET', path)
      assert.equal(response.status, 200)
      assert.equal(auth.validations.length, 0)
    })
  }
  test('/healthz is public by prefix and answers 404', async () => {
    assert.equal((await call(setup().api, 'GET', '/healthz')).status, 404)
  })
  for (const path of ['/', '/api/health', '/debug', '/api/v1/models', '/nope']) {
    test(`${path} needs a key`, async () => {
      assert.equal((await call(setup().api, 'GET', path)).status, 401)
    })
  }
  test('POST /health/mlflow/reset needs a key (intended), is public with the §7 #8 bug', async () => {
    assert.equal((await call(setup().api, 'POST', '/health/mlflow/reset')).status, 401)
    assert.equal((await call(setup({ healthResetPublic: true }).api, 'POST', '/health/mlflow/reset')).status, 200)
  })
  test('OPTIONS bypasses the middleware and reaches the proxy without a key', async () => {
    const { api, auth } = setup()
    const response = await call(api, 'OPTIONS', '/api/mlflow/api/2.0/mlflow/experiments/search')
    assert.equal(response.status, 200)
    assert.equal((response.json as { method: string }).method, 'OPTIONS')
    assert.equal(auth.validations.length, 0)
  })
  test('registry gate: admin by is_admin, by scope, by nested user; lowercased prefix', async () => {
    const { api } = setup()
    for (const key of ['test-admin-key', 'test-admin-scope-key', 'test-nested-admin-key']) {
      assert.equal((await call(api, 'GET', '/api/mlflow/api/2.0/mlflow/experiments/search', { key })).status, 200, key)
    }
    assert.equal((await call(api, 'GET', '/API/MLFLOW/x', { key: 'test-reader-key' })).status, 403)
    assert.equal((await call(api, 'GET', '/api/2.0/mlflow-artifacts/artifacts/x', { key: 'test-reader-key' })).status, 403)
    assert.deepEqual((await call(api, 'GET', '/api/2.0/mlflow-artifacts/artifacts/x', { key: 'test-admin-key' })).json, { detail: 'Not Found' })
  })
  test('registry paths skip balance and debit', async () => {
    const { api, auth } = setup()
    await call(api, 'GET', '/api/mlflow/api/2.0/mlflow/experiments/search', { key: 'test-admin-key' })
    assert.equal(auth.debits.length, 0)
  })
  test('debit: before the handler, even on 404, with the documented body and no Authorization', async () => {
    const { api, auth } = setup()
    assert.equal((await call(api, 'GET', '/api/v1/models/999/info', { key: 'test-reader-key' })).status, 404)
    const debit = auth.debits[0]
    assert.equal(debit?.path, '/api/v1/usage/key-reader/debit')
    assert.equal(debit?.authorization, null)
    assert.equal(debit?.body.model_id, '999')
    assert.equal(debit?.body.endpoint, '/api/v1/models/999/info')
    assert.match(String(debit?.body.idempotency_key), /^key-reader-\d+$/)
  })
  test('no debit for contributions or without key_id', async () => {
    const { api, auth } = setup()
    await call(api, 'POST', '/api/v1/models/21/contributions', { key: 'test-reader-key', body: { rows: [{ a: 1 }] } })
    await call(api, 'GET', '/api/v1/models/21/info', { key: 'test-no-keyid-key' })
    assert.equal(auth.debits.length, 0)
  })
  test('authBypass: protected routes answer without a key (auth-regression)', async () => {
    const response = await call(setup({ authBypass: true }).api, 'GET', '/api/v1/models/21/info')
    assert.equal(response.status, 200)
  })
})
