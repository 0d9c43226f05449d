import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setupMockServer } from './in-process.js'

test('fetch to a host origin reaches that host in-process, method, path and body intact', async () => {
  const server = setupMockServer({
    hosts: {
      api: async (request) => Response.json({ host: 'api', method: request.method, path: new URL(request.url).pathname, body: await request.text() }),
      auth: async () => new Response('auth', { status: 401 }),
    },
  }, { api: 'https://api.example.test', auth: 'https://auth.example.test/' })
  server.listen({ onUnhandledRequest: 'error' })
  try {
    const response = await fetch('https://api.example.test/api/v1/models/21/predict?x=1', { method: 'POST', body: '{"a":1}' })
    assert.deepEqual(await response.json(), { host: 'api', method: 'POST', path: '/api/v1/models/21/predict', body: '{"a":1}' })
    assert.equal((await fetch('https://auth.example.test/anything')).status, 401)
  } finally {
    server.close()
  }
})

test('every host needs an origin', () => {
  assert.throws(() => setupMockServer({ hosts: { api: async () => new Response() } }, {}), /missing: api/)
})
