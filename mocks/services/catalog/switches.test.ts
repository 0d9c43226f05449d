// Each fault switch must leave its incident's signature (incidents.md #6, #7, #8) and nothing else.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../../src/errors.js'
import { createCatalogService } from './index.js'
import { walkCatalog } from './walk-catalog.js'

const KEY = 'cw-test-key-0002'
const ARCH = 'katanemo/Arch-Router-1.5B'
const chat = (service: ReturnType<typeof createCatalogService>, model: string): Promise<Response> =>
  service.handle(new Request('http://catalog.test/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello!' }] }),
  }))
const duplicates = (ids: string[]): number => ids.length - new Set(ids).size

test('catalog › switch aliasBroken › hug and huggingface answer 404 {"detail":"Not Found"}; others unchanged', async () => {
  const service = createCatalogService({ aliasBroken: true, keys: [KEY] })
  for (const gateway of ['hug', 'huggingface']) {
    const response = await service.handle(new Request(`http://catalog.test/v1/models?gateway=${gateway}&limit=50&offset=0`))
    assert.equal(response.status, 404, gateway)
    assert.deepEqual(await response.json(), { detail: 'Not Found' })
  }
  assert.equal((await walkCatalog(service, 'openrouter')).ids.length, 340)
  const hfChat = await chat(service, ARCH)
  assert.deepEqual([hfChat.status, await hfChat.json()], [404, { detail: 'Not Found' }])
  const otherChat = await chat(service, (await walkCatalog(service, 'groq')).ids[0] as string)
  assert.equal(otherChat.status, 200)
})

test('catalog › switch paginationCap › only 101 reachable while total claims 1204', async () => {
  const service = createCatalogService({ paginationCap: 101 })
  const walk = await walkCatalog(service, 'huggingface', 100)
  assert.deepEqual([walk.ids.length, walk.total, duplicates(walk.ids)], [101, 1204, 0])
  const page = async (offset: number): Promise<number> =>
    ((await (await service.handle(new Request(`http://catalog.test/v1/models?gateway=hug&limit=100&offset=${offset}`))).json()) as { returned: number }).returned
  assert.deepEqual([await page(0), await page(100), await page(200), await page(500)], [100, 1, 0, 0])
  assert.equal((await walkCatalog(service, 'openrouter')).ids.length, 340) // other gateways untouched
})

test('catalog › switch offsetIgnored › every page repeats page 1', async () => {
  const service = createCatalogService({ offsetIgnored: true })
  const walk = await walkCatalog(service, 'hug', 100)
  assert.equal(new Set(walk.ids).size, 100)
  assert.ok(duplicates(walk.ids) >= 1100, `only ${duplicates(walk.ids)} duplicates`)
  assert.equal(walk.total, 1204)
  assert.equal(new Set((await walkCatalog(service, 'openrouter')).ids).size, 340)
})

test('catalog › switch duplicatesAcrossPages › ids repeat across pages, none is lost', async () => {
  const service = createCatalogService({ duplicatesAcrossPages: true })
  const walk = await walkCatalog(service, 'hug', 100)
  assert.equal(new Set(walk.ids).size, 1204)
  assert.equal(duplicates(walk.ids), walk.pages - 1)
  assert.ok(duplicates(walk.ids) > 0)
})

test('catalog › switch missingModels › the id is absent from every gateway and chat gets the unknown-model answer', async () => {
  const service = createCatalogService({ missingModels: [ARCH], keys: [KEY] })
  for (const gateway of ['hug', 'huggingface', 'all']) {
    const walk = await walkCatalog(service, gateway)
    assert.equal(walk.ids.includes(ARCH), false, gateway)
    assert.equal(walk.ids.length, walk.total)
  }
  const response = await chat(service, ARCH)
  assert.equal(response.status, 400) // head: the pricing gate knows no price for it
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'model_not_priced')
})

test('catalog › switch paginationCapTotal › the capped listing reports the cap as its total, so paging looks complete', async () => {
  const service = createCatalogService({ paginationCap: 101, paginationCapTotal: true })
  const walk = await walkCatalog(service, 'huggingface', 100)
  assert.deepEqual([walk.ids.length, walk.total, duplicates(walk.ids)], [101, 101, 0])
  // the independent counts still see the whole catalog
  const status = (await (await service.handle(new Request('http://catalog.test/v1/gateways/status'))).json()) as { data: Array<{ id: string; model_count: number }> }
  assert.equal(status.data.find((g) => g.id === 'huggingface')?.model_count, 1204)
  assert.throws(() => createCatalogService({ paginationCapTotal: true }), /paginationCapTotal needs paginationCap/)
})

test('catalog › healthy defaults › the same checks pass (no false alarms)', async () => {
  const service = createCatalogService({ keys: [KEY] })
  const walk = await walkCatalog(service, 'huggingface', 100)
  assert.deepEqual([walk.ids.length, walk.total, duplicates(walk.ids), walk.ids.includes(ARCH)], [1204, 1204, 0, true])
  assert.equal((await chat(service, ARCH)).status, 200)
})

test('catalog › settings › bad values are one ConfigError listing every problem', () => {
  assert.throws(
    () => createCatalogService({ paginationCap: -1, aliasBroken: 'yes' as unknown as boolean, keys: 'k' as unknown as string[] }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /^contractwright: catalog mock settings are invalid: keys must be a list of strings; aliasBroken must be true or false; paginationCap must be/.test(error.message),
  )
})
