import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { defineFault, setupMockServer } from '../src/mocks/index.js'
import { faults } from './faults/index.js'
import { createPlatform } from './platform.js'
import { createKeyTable } from './services/auth/index.js'

const keys = createKeyTable('platform')
const byName = (name: string) => faults.find((fault) => fault.name === name)!
const get = async (platform: Awaited<ReturnType<typeof createPlatform>>, host: string, path: string, key: string | null = keys.admin) => {
  const response = await platform.hosts[host]!(new Request(`http://127.0.0.1${path}`, key === null ? {} : { headers: { authorization: `Bearer ${key}` } }))
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
}

test('the healthy platform serves every public host', async () => {
  const platform = await createPlatform({ keys })
  assert.deepEqual(Object.keys(platform.hosts), ['api', 'registry', 'auth', 'catalog'])
  assert.equal((await get(platform, 'api', '/api/v1/models/21/info')).status, 200)
  assert.equal((await get(platform, 'api', '/api/v1/models/21/info', null)).status, 401)
  assert.equal((await get(platform, 'api', '/nowhere')).type, 'text/plain')
  assert.equal((await get(platform, 'catalog', '/v1/models?gateway=hug&limit=1')).status, 200)
})

test('in-process: fetch to the public origins reaches the platform without ports', async () => {
  const platform = await createPlatform({ keys })
  assert.equal(platform.origins.api, 'https://api.hokus.ai')
  const server = setupMockServer(platform)
  server.listen({ onUnhandledRequest: 'error' })
  try {
    const response = await fetch('https://api.hokus.ai/api/v1/models/21/info', { headers: { authorization: `Bearer ${keys.admin}` } })
    assert.equal(response.status, 200)
    assert.equal((await fetch('https://api.gatewayz.ai/v1/models?limit=1')).status, 200)
  } finally {
    server.close()
  }
})

test('a routing fault switches the rule set: /api/v1/* gets the load balancer 404', async () => {
  const info = await get(await createPlatform({ keys, faults: [byName('alb-v1-unrouted')] }), 'api', '/api/v1/models/21/info')
  assert.deepEqual(info, { status: 404, type: 'text/plain', text: 'Not Found' })
})

test('a down service: the load balancer answers 503 text/html, its callers answer as the real ones do', async () => {
  const platform = await createPlatform({ keys, faults: [byName('auth-service-down')] })
  const direct = await get(platform, 'auth', '/api/v1/keys/validate')
  assert.equal(direct.status, 503)
  assert.equal(direct.type, 'text/html')
  const viaApi = await get(platform, 'api', '/api/v1/models/21/info')
  assert.equal(viaApi.status, 503)
  assert.deepEqual(JSON.parse(viaApi.text), { detail: 'Authentication service unavailable' })
})

test('settings faults reach the right service', async () => {
  const platform = await createPlatform({ keys, faults: [byName('registry-admin-required'), byName('alias-broken')] })
  const search = await get(platform, 'registry', '/api/mlflow/api/2.0/mlflow/experiments/search?max_results=1')
  assert.equal(search.status, 403)
  assert.match(search.text, /REGISTRY_ADMIN_REQUIRED/)
  assert.equal((await get(platform, 'catalog', '/v1/models?gateway=hug')).status, 404)
})

test('prepended handlers answer first; the rest stays healthy', async () => {
  const fault = defineFault({
    name: 'api-teapot', incident: 'schema-drift', summary: 'test only',
    handlers: { api: [http.get('*/api/v1/models/21/info', () => HttpResponse.json({ drift: true }, { status: 418 }))] },
    expect: { scope: /@serving/, failing: /@serving/, message: /x/ },
  })
  const platform = await createPlatform({ keys, faults: [fault] })
  assert.equal((await get(platform, 'api', '/api/v1/models/21/info')).status, 418)
  assert.equal((await get(platform, 'api', '/api/v1/models/27/info')).status, 200)
  // a fresh healthy platform is untouched by the fault
  assert.equal((await get(await createPlatform({ keys }), 'api', '/api/v1/models/21/info')).status, 200)
})

test('a fault naming an unknown service or rule set is one error listing both', async () => {
  const bad = defineFault({
    name: 'bad-fault', incident: 'misrouted', summary: 'test only', routing: 'no-such-rules', down: ['mlfow'],
    expect: { scope: /@x/, failing: /@x/, message: /x/ },
  })
  await assert.rejects(createPlatform({ keys, faults: [bad] }), (error: Error) => {
    assert.match(error.message, /unknown service "mlfow"/)
    assert.match(error.message, /unknown rule set "no-such-rules"/)
    return true
  })
})
