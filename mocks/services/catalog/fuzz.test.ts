// Bounded, seeded fuzzing: odd query strings, paths and bodies must never produce a 5xx or non-JSON.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCatalogService } from './index.js'
import { seededRandom } from './seeded-random.js'

const ROUNDS = 400
const next = seededRandom(7)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
const service = createCatalogService({ keys: ['cw-fuzz-key'] })

const paths = ['/v1/models', '/models', '/v1/models/search', '/v1/models/katanemo/Arch-Router-1.5B', '/v1/models/%E0%A4%A/x', '/v1/gateways', '/v1/gateways/status', '/v1/routers', '/health', '/health/quick', '/v1/chat/completions', '/v1/models/', '//v1/models', '/v1/models/v1/x']
const names = ['gateway', 'limit', 'offset', 'provider', 'is_private', 'unique_models', 'q', 'min_price', 'sort_by', 'order', 'search', 'include_huggingface']
const values = ['', '0', '-1', '1', '1000', '1001', '50000', '-99999999999999999999', '1e3', '1.5', ' 7 ', '1_000', 'true', 'maybe', 'hug', 'HUG', 'huggingface', 'google', 'foo', '%00', 'é', '../../etc', "'; drop", '[]', '{}', 'null', 'NaN', 'Infinity']
const bodies = ['', '{', 'null', '[]', '"text"', '{"model":null,"messages":null}', '{"model":"katanemo/Arch-Router-1.5B","messages":[null]}', '{"model":"katanemo/Arch-Router-1.5B","messages":[{"role":"user","content":{"a":1}}],"stream":1}', '{"model":"x","messages":[{"role":"user"}]}', '\u0000\u0001']

test('catalog › fuzz › bounded seeded inputs never give a 5xx or a non-JSON error', async () => {
  const seen = new Set<number>()
  for (let round = 0; round < ROUNDS; round += 1) {
    const query = Array.from({ length: Math.floor(next() * 4) }, () => `${pick(names)}=${encodeURIComponent(pick(values))}`).join('&')
    const path = pick(paths)
    const method = next() < 0.8 ? 'GET' : pick(['POST', 'PUT', 'DELETE'])
    const post = path === '/v1/chat/completions'
    const request = new Request(`http://catalog.test${path}?${query}`, {
      method: post ? 'POST' : method,
      headers: next() < 0.5 ? { authorization: 'Bearer cw-fuzz-key' } : {},
      ...(post || method === 'POST' || method === 'PUT' ? { body: pick(bodies) } : {}),
    })
    const response = await service.handle(request)
    const text = await response.text()
    seen.add(response.status)
    assert.ok(response.status < 500, `${request.method} ${request.url} → ${response.status} ${text.slice(0, 200)}`)
    if (response.headers.get('content-type') === 'application/json') JSON.parse(text)
    else assert.equal(response.headers.get('content-type'), 'text/event-stream', `${request.url}: ${response.headers.get('content-type')}`)
  }
  // the inputs really reached the error paths, not only the happy one
  for (const status of [200, 400, 404, 422]) assert.ok(seen.has(status), `no ${status} seen: ${[...seen].join(', ')}`)
})
