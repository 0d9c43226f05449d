import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createAuthService } from './auth-service.js'
import { createKeyTable } from './key-table.js'

const keys = createKeyTable('unit')
const invalidKey = { detail: { error: 'INVALID_API_KEY', message: 'Invalid or expired API key' } }
const origin = 'https://auth.hokus.ai'
const validate = (key: string | undefined, body: unknown = { service_id: 'platform', client_ip: '203.0.113.7' }, settings = {}) =>
  createAuthService({ keys, settings }).handle(new Request(`${origin}/api/v1/keys/validate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }))

const debitBody = (over: Record<string, unknown> = {}) => ({
  model_id: '21', endpoint: '/api/v1/models/21/predict', response_time_ms: 0, status_code: 0,
  service_id: 'platform', idempotency_key: 'key-admin-1-1795444624137', compute_ms: 0, predictions_count: 1, ...over,
})

describe('POST /api/v1/keys/validate', () => {
  const rows: [string, { key: string; status: number; body: unknown; headers?: Record<string, string> }][] = [
    ['invalid key → 401', { key: keys.invalid, status: 401, body: invalidKey }],
    ['unknown key → 401', { key: 'cw-mock-nobody-00000000', status: 401, body: invalidKey }],
    ['gatewayz key is not a Hokusai key → 401', { key: keys['gatewayz-user'], status: 401, body: invalidKey }],
    ['rate-limited key → 429 + Retry-After', { key: keys.ratelimited, status: 429, body: { detail: { error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } }, headers: { 'retry-after': '60' } }],
    ['auth-down key → 500', { key: keys['auth-down'], status: 500, body: { detail: { error: 'INTERNAL_ERROR', message: 'Internal server error' } } }],
    ['bad-shape key → 200 []', { key: keys['bad-shape'], status: 200, body: [] }],
  ]
  for (const [title, want] of rows) {
    test(title, async () => {
      const response = await validate(want.key)
      assert.equal(response.status, want.status)
      assert.equal(response.headers.get('content-type'), 'application/json')
      assert.deepEqual(await response.json(), want.body)
      for (const [name, value] of Object.entries(want.headers ?? {})) assert.equal(response.headers.get(name), value)
    })
  }

  test('admin → 200 with every field the middleware reads', async () => {
    const response = await validate(keys.admin)
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), {
      user_id: 'user-admin-1', email: 'admin@example.test', key_id: 'key-admin-1', service_id: 'platform',
      scopes: ['model:read', 'model:write', 'mlflow:admin'], roles: [], is_admin: true,
      rate_limit_per_hour: 1000, has_sufficient_balance: true, balance: 10,
    })
  })

  const principals: [string, { key: string; want: Record<string, unknown> }][] = [
    ['admin-scope: admin by scope only', { key: keys['admin-scope'], want: { scopes: ['mlflow:admin'], is_admin: false } }],
    ['writer', { key: keys.writer, want: { scopes: ['model:write'], is_admin: false } }],
    ['reader', { key: keys.reader, want: { scopes: ['model:read'] } }],
    ['broke: insufficient balance', { key: keys.broke, want: { has_sufficient_balance: false } }],
    ['debit-reject: valid, balance OK', { key: keys['debit-reject'], want: { has_sufficient_balance: true, key_id: 'key-debit-reject-1' } }],
    ['no-keyid: key_id null', { key: keys['no-keyid'], want: { key_id: null } }],
  ]
  for (const [title, { key, want }] of principals) {
    test(title, async () => {
      const response = await validate(key)
      assert.equal(response.status, 200)
      const body = await response.json() as Record<string, unknown>
      for (const [field, value] of Object.entries(want)) assert.deepEqual(body[field], value, field)
    })
  }

  test('registryAdminRevoked drops is_admin and the admin scopes', async () => {
    const body = await (await validate(keys.admin, undefined, { registryAdminRevoked: ['admin'] })).json() as Record<string, unknown>
    assert.equal(body.is_admin, false)
    assert.deepEqual(body.scopes, ['model:read', 'model:write'])
  })

  test('no Bearer header, or an empty one → 401 API key required; the key in the body is ignored', async () => {
    for (const response of [await validate(undefined), await validate(''), await validate(undefined, { service_id: 'platform', api_key: keys.admin })]) {
      assert.equal(response.status, 401)
      assert.deepEqual(await response.json(), { detail: { error: 'API_KEY_REQUIRED', message: 'API key required' } })
    }
  })

  test('bad bodies → 422 / 400, never a crash', async () => {
    assert.equal((await validate(keys.admin, '{not json')).status, 422)
    assert.equal((await validate(keys.admin, '[]')).status, 422)
    assert.equal((await validate(keys.admin, {})).status, 422)
    assert.equal((await validate(keys.admin, { service_id: 7 })).status, 422)
    const wrongService = await validate(keys.admin, { service_id: 'gateway' })
    assert.equal(wrongService.status, 400)
    assert.equal((await wrongService.json() as { detail: { error: string } }).detail.error, 'INVALID_SERVICE_ID')
  })
})

describe('POST /api/v1/usage/{key_id}/debit', () => {
  const debit = (service: ReturnType<typeof createAuthService>, keyId: string, body: unknown) =>
    service.handle(new Request(`${origin}/api/v1/usage/${keyId}/debit`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }))

  test('accepted for a funded key, and recorded', async () => {
    const service = createAuthService({ keys })
    const response = await debit(service, 'key-admin-1', debitBody())
    assert.equal(response.status, 200)
    assert.equal((await response.json() as { success: boolean }).success, true)
    assert.deepEqual(service.debits.map((d) => [d.keyId, d.endpoint, d.accepted]), [['key-admin-1', '/api/v1/models/21/predict', true]])
  })

  test('debit-reject → 402 INSUFFICIENT_BALANCE', async () => {
    const response = await debit(createAuthService({ keys }), 'key-debit-reject-1', debitBody())
    assert.equal(response.status, 402)
    assert.deepEqual(await response.json(), { detail: { error: 'INSUFFICIENT_BALANCE', message: 'Balance too low' } })
  })

  test('unknown key id → 404; malformed body → 422', async () => {
    const service = createAuthService({ keys })
    assert.equal((await debit(service, 'key-nobody-1', debitBody())).status, 404)
    assert.equal((await debit(service, 'key-admin-1', debitBody({ endpoint: 5 }))).status, 422)
    assert.equal((await debit(service, 'key-admin-1', { model_id: null })).status, 422)
    assert.equal(service.debits.length, 0)
  })
})

test('other paths → 404, other methods on known paths → 405', async () => {
  const service = createAuthService({ keys })
  const notFound = await service.handle(new Request(`${origin}/api/v1/keys`))
  assert.equal(notFound.status, 404)
  // the auth envelope, so a request misrouted to auth is recognisable as answered by auth
  assert.deepEqual(await notFound.json(), { detail: { error: 'NOT_FOUND', message: 'Not Found' } })
  const wrongMethod = await service.handle(new Request(`${origin}/api/v1/keys/validate`))
  assert.equal(wrongMethod.status, 405)
  assert.deepEqual(await wrongMethod.json(), { detail: { error: 'METHOD_NOT_ALLOWED', message: 'Method Not Allowed' } })
})
