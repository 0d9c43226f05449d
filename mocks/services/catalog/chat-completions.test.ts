import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCatalogService } from './index.js'

const KEY = 'cw-test-key-0003'
const service = createCatalogService({ keys: [KEY] })
const ARCH_BODY = { model: 'katanemo/Arch-Router-1.5B', messages: [{ role: 'user', content: 'Hello!' }] }
const MISSING_KEY = { error: { message: 'Authentication required. Provide a valid API key in the Authorization header.', type: 'authentication_error', code: 'missing_api_key' } }

async function chat(body: unknown, authorization?: string): Promise<{ status: number; type: string | null; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (authorization !== undefined) headers.authorization = authorization
  const init = { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }
  const response = await service.handle(new Request('http://catalog.test/v1/chat/completions', init))
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
}

test('catalog › POST /v1/chat/completions › no key, a wrong key or a non-Bearer scheme get the documented 401', async () => {
  for (const authorization of [undefined, 'Bearer cw-wrong-key', `Basic ${KEY}`, 'Bearer ']) {
    const { status, text } = await chat(ARCH_BODY, authorization)
    assert.equal(status, 401, String(authorization))
    assert.deepEqual(JSON.parse(text), MISSING_KEY)
  }
})

test('catalog › POST /v1/chat/completions › a known model gets a small deterministic completion', async () => {
  const first = await chat(ARCH_BODY, `Bearer ${KEY}`)
  const second = await chat(ARCH_BODY, `bearer ${KEY}`)
  assert.equal(first.status, 200)
  assert.equal(first.text, second.text)
  const body = JSON.parse(first.text)
  assert.equal(body.object, 'chat.completion')
  assert.equal(body.model, 'katanemo/Arch-Router-1.5B')
  assert.equal(body.choices[0].message.role, 'assistant')
  assert.equal(body.usage.total_tokens, body.usage.prompt_tokens + body.usage.completion_tokens)
  assert.equal(body.gateway_usage.tokens_charged, body.usage.total_tokens)
})

test('catalog › POST /v1/chat/completions › stream:true answers text/event-stream ending in [DONE]', async () => {
  const { status, type, text } = await chat({ ...ARCH_BODY, stream: true }, `Bearer ${KEY}`)
  assert.deepEqual([status, type], [200, 'text/event-stream'])
  assert.match(text, /^data: \{.*"chat\.completion\.chunk"/)
  assert.ok(text.endsWith('data: [DONE]\n\n'))
})

test('catalog › POST /v1/chat/completions › unknown model: head\'s pricing gate answers 400 model_not_priced before any lookup', async () => {
  const { status, text } = await chat({ ...ARCH_BODY, model: 'contractwright/no-such-model' }, `Bearer ${KEY}`)
  assert.equal(status, 400)
  assert.deepEqual(JSON.parse(text), { error: { message: "Model 'contractwright/no-such-model' is not available for inference (no pricing configured).", type: 'invalid_request_error', code: 'model_not_priced' } })
})

test('catalog › POST /v1/chat/completions › unknown model before the pricing gate: the detailed 404 MODEL_NOT_FOUND', async () => {
  const older = createCatalogService({ keys: [KEY], pricingGate: false })
  const response = await older.handle(new Request('http://catalog.test/v1/chat/completions', {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ ...ARCH_BODY, model: 'contractwright/no-such-model' }),
  }))
  const { error } = (await response.json()) as { error: { code: string; status: number; message: string } }
  assert.deepEqual([response.status, error.code, error.status, error.message], [404, 'MODEL_NOT_FOUND', 404, "Model 'contractwright/no-such-model' not found"])
})

test('catalog › POST /v1/chat/completions › a model without pricing gets 400 model_not_priced', async () => {
  const page = await service.handle(new Request('http://catalog.test/v1/models?gateway=hug&limit=1000'))
  const free = ((await page.json()) as { data: { id: string; pricing: unknown }[] }).data.find((m) => m.pricing === null)
  assert.ok(free, 'the HF catalog has unpriced models')
  const { status, text } = await chat({ ...ARCH_BODY, model: free.id }, `Bearer ${KEY}`)
  assert.deepEqual([status, JSON.parse(text).error.code], [400, 'model_not_priced'])
})

test('catalog › POST /v1/chat/completions › body validation (422) in FastAPI words, before auth', async () => {
  const cases: [string, unknown, string[]][] = [
    ['empty messages', { ...ARCH_BODY, messages: [] }, ['too_short']],
    ['malformed JSON', '{"model": ', ['json_invalid']],
    ['empty body', '', ['missing']],
    ['array body', [1, 2], ['model_attributes_type']],
    ['no fields', {}, ['missing', 'missing']],
    ['wrong types', { model: 7, messages: [{ content: 'x' }], stream: 'yes' }, ['string_type', 'missing', 'bool_type']],
  ]
  for (const [title, body, types] of cases) {
    const { status, type, text } = await chat(body)
    assert.deepEqual([status, type], [422, 'application/json'], title)
    assert.deepEqual(JSON.parse(text).detail.map((d: { type: string }) => d.type), types, title)
  }
})
