import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fakeCatalog, ids, type FakeOptions } from './fake-catalog.js'
import { chatFindings, requiredFindings } from './required.js'
import { walkGateway } from './walk.js'

const arch = { gateway: 'hug', model: 'katanemo/Arch-Router-1.5B' }
const hug = [...ids('hf', 600), arch.model, ...ids('zz', 603)].sort()
const required = async (catalog: string[], options: FakeOptions = {}) =>
  requiredFindings(await walkGateway('hug', fakeCatalog({ hug: catalog }, options), 1000), arch, new Set(['hug', 'huggingface']))

test('catalog required › present: no finding', async () => {
  assert.deepEqual(await required(hug), [])
})

test('catalog required › incident #8: a missing model is named with its gateway', async () => {
  assert.deepEqual(await required(hug.filter((id) => id !== arch.model)), [
    'required model missing from gateway hug: katanemo/Arch-Router-1.5B (absent from all 1203 models)',
  ])
  const [cased] = await required(hug.map((id) => (id === arch.model ? 'katanemo/arch-router-1.5b' : id)))
  assert.match(cased!, /listed as "katanemo\/arch-router-1.5b" \(different case\)/)
})

test('catalog required › behind a capped walk, absence is reported with the reason it cannot be told apart', async () => {
  const [found] = await required(hug, { faults: { cap: 101 } })
  assert.equal(found, 'required model missing from gateway hug: katanemo/Arch-Router-1.5B (pagination incomplete: reached 101 of 1204, it may sit beyond the reachable pages)')
})

test('catalog required › a broken alias cannot be searched, and says so', async () => {
  assert.deepEqual(await required(hug, { fail: { hug: { status: 404, detail: '{"detail":"Not Found"}' } } }), [
    'alias broken: hug → 404 {"detail":"Not Found"}; cannot look for required model katanemo/Arch-Router-1.5B',
  ])
})

const chatRows: Array<[string, { status: number; body: unknown; want: RegExp | null }]> = [
  ['200: the model answers', { status: 200, body: { object: 'chat.completion' }, want: null }],
  ['404 MODEL_NOT_FOUND: missing', { status: 404, body: { error: { code: 'MODEL_NOT_FOUND' } }, want: /^required model missing from gateway hug: katanemo\/Arch-Router-1.5B \(chat on .* → 404 MODEL_NOT_FOUND: the model lookup of a deployment before the pricing gate/ }],
  ['400 model_not_priced: missing, as head answers', { status: 400, body: { error: { message: "Model 'katanemo/Arch-Router-1.5B' is not available for inference (no pricing configured).", type: 'invalid_request_error', code: 'model_not_priced' } }, want: /^required model missing from gateway hug: katanemo\/Arch-Router-1.5B \(chat on .* → 400 model_not_priced: head's pricing gate/ }],
  ['404 from the router: the alias incident', { status: 404, body: { detail: 'Not Found' }, want: /^alias broken: chat on katanemo\/Arch-Router-1.5B \(gateway hug\) → 404 \{"detail":"Not Found"\}, the route is not loaded/ }],
  ['401: the key, not the model', { status: 401, body: { error: { code: 'missing_api_key', message: 'm', type: 'authentication_error' } }, want: /GATEWAYZ_API_KEY was refused/ }],
  ['502: the upstream', { status: 502, body: { error: { code: 'SERVICE_UNAVAILABLE' } }, want: /^chat on katanemo\/Arch-Router-1.5B \(gateway hug\) → 502 SERVICE_UNAVAILABLE$/ }],
]
for (const [title, { status, body, want }] of chatRows) {
  test(`catalog required › chat ${title}`, () => {
    const found = chatFindings(arch, status, body, JSON.stringify(body))
    if (want === null) assert.deepEqual(found, [])
    else assert.match(found.join('\n'), want)
  })
}
