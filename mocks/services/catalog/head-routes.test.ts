import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCatalogService } from './index.js'

const service = createCatalogService({})
const get = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await service.handle(new Request(`http://catalog.test${path}`))
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

test('catalog › GET /v1/models/{developer} › one developer\'s models in their own envelope, paged', async () => {
  const { status, body } = await get('/v1/models/katanemo')
  assert.equal(status, 200)
  assert.deepEqual(Object.keys(body), ['developer', 'models', 'total', 'count', 'offset', 'limit', 'gateway'])
  assert.equal(body.developer, 'katanemo')
  assert.ok((body.models as Array<{ id: string }>).some((m) => m.id === 'katanemo/Arch-Router-1.5B'))
  const page = await get('/v1/models/huggingface?gateway=hug&limit=10&offset=5')
  assert.deepEqual([page.body.total, page.body.count, page.body.offset, page.body.limit, page.body.gateway], [1204, 10, 5, 10, 'hug'])
  assert.deepEqual([(await get('/v1/models/nobody')).body.total, (await get('/v1/models/nobody')).status], [0, 200])
})

test('catalog › GET /v1/models/{developer} › fixed routes win, bad values answer as FastAPI and the detailed handler do', async () => {
  assert.equal((await get('/v1/models/search?q=Arch')).body.success, true) // not developer "search"
  assert.equal((await get('/v1/models/katanemo?limit=1001')).status, 422)
  assert.equal((await get('/v1/models/katanemo?gateway=foo')).status, 400)
  const empty = await get('/v1/models/katanemo?gateway=openai') // a registered gateway with no models: the empty cache
  assert.deepEqual([empty.status, (empty.body.error as { code: string }).code], [503, 'SERVICE_UNAVAILABLE'])
})

test('catalog › GET /v1/models/unique › one item per id with its providers, sorted, min_providers applied', async () => {
  const { body } = await get('/v1/models/unique?limit=5&sort_by=provider_count&order=desc')
  const models = body.models as Array<{ provider_count: number; providers: unknown[] }>
  assert.equal(models.length, 5)
  assert.ok(models.every((m, i) => m.providers.length === m.provider_count && (i === 0 || models[i - 1]!.provider_count >= m.provider_count)))
  const two = await get('/v1/models/unique?min_providers=2&limit=1000')
  assert.ok((two.body.models as Array<{ provider_count: number }>).every((m) => m.provider_count >= 2))
  const bad = await get('/v1/models/unique?sort_by=price')
  assert.deepEqual([bad.status, (bad.body.detail as Array<{ type: string }>)[0]!.type], [422, 'literal_error'])
})

test('catalog › GET /v1/models/trending and /v1/provider › envelopes, and their own validation', async () => {
  const trending = await get('/v1/models/trending?time_range=7d')
  assert.deepEqual([trending.status, trending.body.time_range, trending.body.pagination], [200, '7d', { limit: 10, offset: 0, total: 0, has_more: false }])
  assert.equal((await get('/v1/models/trending?sort_by=cost')).status, 400) // the handler checks sort_by, not FastAPI
  const providers = await get('/v1/provider?limit=500')
  const data = providers.body.data as Array<{ slug: string; model_count: number }>
  assert.equal(data.reduce((n, p) => n + p.model_count, 0), (await get('/v1/models?gateway=all&limit=1')).body.total)
  assert.equal((await get('/v1/provider?limit=501')).status, 422)
})
