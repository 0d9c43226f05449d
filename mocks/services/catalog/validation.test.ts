import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCatalogService } from './index.js'

const service = createCatalogService()
async function call(path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await service.handle(new Request(`http://catalog.test${path}`, init))
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() }
}
const ids = (body: { data: { id: string }[] }): string[] => body.data.map((m) => m.id)

test('catalog › GET /v1/models › hug and huggingface answer the same catalog, echoing hug', async () => {
  const hug = await call('/v1/models?gateway=hug&limit=50&offset=0')
  const hf = await call('/v1/models?gateway=huggingface&limit=50&offset=0')
  const upper = await call('/v1/models?gateway=HuggingFace&limit=50&offset=0')
  assert.deepEqual([hug.status, hf.status, upper.status], [200, 200, 200])
  assert.deepEqual(ids(hf.body), ids(hug.body))
  assert.deepEqual(ids(upper.body), ids(hug.body))
  assert.deepEqual([hug.body.gateway, hf.body.gateway, hf.body.total], ['hug', 'hug', 1204])
  assert.equal(hug.body.note, 'OpenRouter catalog') // §3.3: gateways without a note fall back
})

test('catalog › GET /v1/models › google resolves to google-vertex', async () => {
  const google = await call('/v1/models?gateway=google')
  assert.deepEqual([google.body.gateway, google.body.total, google.body.note], ['google-vertex', 71, 'Google Vertex AI catalog'])
})

test('catalog › GET /v1/models › limit=50000 gets the documented 422 body', async () => {
  const { status, body } = await call('/v1/models?gateway=huggingface&limit=50000')
  assert.equal(status, 422)
  assert.deepEqual(body, { detail: [{ type: 'less_than_equal', loc: ['query', 'limit'], msg: 'Input should be less than or equal to 1000', input: '50000', ctx: { le: 1000 } }] })
})

test('catalog › GET /v1/models › every bad parameter is listed, in pydantic v2 words', async () => {
  const { status, body } = await call('/v1/models?limit=0&offset=abc&is_private=maybe')
  assert.equal(status, 422)
  assert.deepEqual(body.detail.map((d: { type: string; loc: string[] }) => [d.type, d.loc[1]]), [
    ['greater_than_equal', 'limit'],
    ['int_parsing', 'offset'],
    ['bool_parsing', 'is_private'],
  ])
})

test('catalog › GET /v1/models › unknown gateway gets the detailed 400', async () => {
  const { status, type, body } = await call('/v1/models?gateway=foo')
  assert.equal(status, 400)
  assert.equal(type, 'application/json')
  assert.equal(body.error.code, 'INVALID_PARAMETER_TYPE')
  assert.equal(body.error.status, 400)
  assert.equal(body.error.type, 'invalid_parameter_type')
  assert.match(body.error.context.parameter_value, /^Invalid gateway 'foo'\. Must be 'all' or one of: aihubmix, aimo, /)
  assert.match(body.error.request_id, /^req_[0-9a-f]{12}$/)
  const empty = await call('/v1/models?gateway=')
  assert.equal(empty.status, 400)
})

test('catalog › GET /v1/models › query validation (422) comes before the gateway check (400)', async () => {
  const { status } = await call('/v1/models?gateway=foo&limit=5000')
  assert.equal(status, 422)
})

test('catalog › routes › unknown path 404 and wrong method 405, FastAPI dialect', async () => {
  assert.deepEqual(await call('/v1/health'), { status: 404, type: 'application/json', body: { detail: 'Not Found' } })
  assert.deepEqual(await call('/v1/providers'), { status: 404, type: 'application/json', body: { detail: 'Not Found' } })
  const wrong = await call('/v1/models', { method: 'DELETE' })
  assert.deepEqual([wrong.status, wrong.body], [405, { detail: 'Method Not Allowed' }])
})

test('catalog › GET /v1/gateways › registry sorted fast first, with aliases', async () => {
  const { status, body } = await call('/v1/gateways')
  assert.equal(status, 200)
  assert.equal(body.total, 33)
  assert.deepEqual(body.routers, [])
  const firstSlow = body.data.findIndex((g: { priority: string }) => g.priority === 'slow')
  assert.ok(body.data.slice(firstSlow).every((g: { priority: string }) => g.priority === 'slow'))
  assert.deepEqual(body.data.find((g: { id: string }) => g.id === 'huggingface').aliases, ['hug'])
})

test('catalog › GET /health › always 200 healthy', async () => {
  const { status, body } = await call('/health')
  assert.deepEqual([status, body.status, body.database], [200, 'healthy', 'connected'])
})

test('catalog › GET /v1/models/{provider}/{model} › found, or 404 MODEL_NOT_FOUND', async () => {
  const found = await call('/v1/models/katanemo/Arch-Router-1.5B')
  assert.deepEqual([found.status, found.body.data.id, found.body.gateway], [200, 'katanemo/Arch-Router-1.5B', 'hug'])
  const wrongGateway = await call('/v1/models/katanemo/Arch-Router-1.5B?gateway=groq')
  assert.deepEqual([wrongGateway.status, wrongGateway.body.error.code], [404, 'MODEL_NOT_FOUND'])
})

test('catalog › GET /v1/models/search › q filters, limit bounded to 100', async () => {
  const found = await call('/v1/models/search?q=arch-router')
  assert.deepEqual(ids(found.body), ['katanemo/Arch-Router-1.5B'])
  assert.equal(found.body.meta.total, 1)
  const tooMany = await call('/v1/models/search?limit=101')
  assert.deepEqual([tooMany.status, tooMany.body.detail[0].type], [422, 'less_than_equal'])
})
