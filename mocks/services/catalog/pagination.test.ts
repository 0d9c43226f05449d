import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCatalogService } from './index.js'
import { walkCatalog } from './walk-catalog.js'

const service = createCatalogService()
const get = async (query: string): Promise<{ status: number; body: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await service.handle(new Request(`http://catalog.test/v1/models?${query}`))
  return { status: response.status, body: await response.json() }
}

test('catalog › GET /v1/models › paging hug by 50 reaches exactly total, without duplicates', async () => {
  const walk = await walkCatalog(service, 'hug', 50)
  assert.equal(walk.total, 1204)
  assert.equal(walk.ids.length, walk.total)
  assert.equal(new Set(walk.ids).size, walk.total)
  assert.equal(walk.pages, Math.ceil(1204 / 50))
  assert.ok(walk.ids.includes('katanemo/Arch-Router-1.5B'))
})

test('catalog › GET /v1/models › every gateway walks to its §4 count', async () => {
  const expected: Record<string, number> = { openrouter: 340, featherless: 6452, hug: 1204, deepinfra: 215, chutes: 104, together: 94, 'google-vertex': 71, fireworks: 38, xai: 23, nebius: 21, groq: 19, cerebras: 11, novita: 5, near: 8, openai: 0 }
  for (const [gateway, count] of Object.entries(expected)) {
    const walk = await walkCatalog(service, gateway)
    assert.equal(walk.ids.length, count, gateway)
    assert.equal(new Set(walk.ids).size, count, `${gateway} has duplicates`)
  }
  const all = await walkCatalog(service, 'all')
  assert.equal(all.ids.length, Object.values(expected).reduce((a, b) => a + b, 0))
})

test('catalog › GET /v1/models › envelope fields follow §3.3', async () => {
  const { status, body } = await get('gateway=openrouter')
  assert.equal(status, 200)
  assert.deepEqual(
    { object: body.object, total: body.total, returned: body.returned, offset: body.offset, limit: body.limit, has_more: body.has_more, next_offset: body.next_offset, gateway: body.gateway, note: body.note },
    { object: 'list', total: 340, returned: 100, offset: 0, limit: 100, has_more: true, next_offset: 100, gateway: 'openrouter', note: 'OpenRouter catalog' },
  )
  assert.match(body.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/)
  const defaults = await get('')
  assert.equal(defaults.body.gateway, 'all')
  assert.equal(defaults.body.note.startsWith('Combined OpenRouter'), true)
})

test('catalog › GET /v1/models › slicing edge cases (§3.6)', async () => {
  const past = await get('gateway=novita&offset=5')
  assert.deepEqual([past.body.data, past.body.returned, past.body.has_more, past.body.next_offset], [[], 0, false, null])
  const tail = await get('gateway=openrouter&offset=-5')
  const last = await get('gateway=openrouter&offset=335&limit=5')
  assert.deepEqual(tail.body.data.map((m: { id: string }) => m.id), last.body.data.map((m: { id: string }) => m.id))
  assert.deepEqual([tail.body.offset, tail.body.has_more, tail.body.next_offset], [-5, true, 0])
  const empty = await get('gateway=openai')
  assert.deepEqual([empty.status, empty.body.total, empty.body.has_more, empty.body.next_offset], [200, 0, false, null])
})

test('catalog › GET /v1/models › provider and is_private filter before total', async () => {
  const near = await get('gateway=near&is_private=true')
  assert.equal(near.body.total, 4)
  assert.ok(near.body.data.every((m: { is_private: boolean }) => m.is_private))
  const byPrefix = await get('gateway=hug&provider=katanemo')
  assert.deepEqual(byPrefix.body.data.map((m: { id: string }) => m.id), ['katanemo/Arch-Router-1.5B'])
  assert.equal(byPrefix.body.total, 1)
  const bySlug = await get('gateway=all&provider=groq&limit=1000')
  assert.equal(bySlug.body.total, 19)
})

test('catalog › GET /v1/models › unique_models adds providers[] on gateway=all only', async () => {
  const all = await get('gateway=all&unique_models=true&limit=3')
  assert.ok(all.body.data.every((m: { providers: unknown[]; provider_count: number }) => m.providers.length === m.provider_count))
  const one = await get('gateway=groq&unique_models=true&limit=3')
  assert.equal(one.body.data[0].providers, undefined)
})

test('catalog › GET /v1/models › a repeated request is a cache hit with §3.3 headers', async () => {
  const url = 'http://catalog.test/v1/models?gateway=xai&limit=7'
  const first = await service.handle(new Request(url))
  const second = await service.handle(new Request(url))
  assert.equal(first.headers.get('x-cache'), null)
  assert.equal(second.headers.get('x-cache'), 'HIT')
  assert.equal(first.headers.get('cache-control'), 'private, max-age=60, must-revalidate')
  assert.match(first.headers.get('etag') ?? '', /^"[0-9a-f]{16}"$/)
  assert.equal(first.headers.get('etag'), second.headers.get('etag'))
})

test('catalog › GET /models › the root alias runs the same handler', async () => {
  const root = await service.handle(new Request('http://catalog.test/models?gateway=groq&limit=5'))
  const v1 = await get('gateway=groq&limit=5')
  assert.deepEqual(((await root.json()) as { data: { id: string }[] }).data.map((m) => m.id), v1.body.data.map((m: { id: string }) => m.id))
})
