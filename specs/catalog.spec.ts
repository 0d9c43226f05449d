// Issue 7: the catalog incidents (#6 alias, #7 pagination, #8 missing model) as failing, self-explaining checks.
import { test as base, expect } from '../src/index.js'
import { operationCase } from '../src/cases/operation-case.js'
import { contractFor } from '../src/playwright/contract-runtime.js'
import { compareAliases, mergeAliasPairs } from './catalog/aliases.js'
import { readBaselines, writeBaseline } from './catalog/baseline.js'
import { aliasNames } from './catalog/config.js'
import { shrinkFindings, vanishedFindings } from './catalog/counts.js'
import { gatherCounts, registryIds, registryOf } from './catalog/gather-counts.js'
import { walkFindings } from './catalog/findings.js'
import { createCatalogKit, type CatalogKit } from './catalog/kit.js'
import { limitBounds } from './catalog/page-limit.js'
import { chatFindings, requiredFindings } from './catalog/required.js'
import { renderTable, type CatalogRow } from './catalog/table.js'
import { walkGateway, type GatewayWalk } from './catalog/walk.js'

const GATEWAYZ = 'contracts/gatewayz/openapi.yaml'
const READONLY = { tag: ['@catalog', '@readonly'] }
const { min: MIN_LIMIT, max: PAGE_LIMIT } = limitBounds(contractFor(GATEWAYZ), 'getModels')
const chatBody = (model: string) => ({ model, messages: [{ role: 'user', content: 'Hello!' }], max_tokens: 1 }) // §8; 1 token: the cheapest call that proves the model answers

const test = base.extend<{ catalog: CatalogKit }>({
  catalog: async ({ send, target }, use) => use(createCatalogKit(send, target, process.env)),
})

// Live, a 429 asks for 60 s; a walk must be allowed to honour a few of them.
const timeoutFor = (live: boolean) => (live ? 600_000 : 60_000)
const failures = (what: string, lines: string[]) => `${what}:\n${lines.map((l) => `  ${l}`).join('\n')}`

/** Every /v1/models page fetched must also satisfy the contract; one report, not one per page. */
function checkContract(catalog: CatalogKit): void {
  const before = test.info().errors.length
  for (const x of catalog.exchanges.filter((e) => e.response.status === 200)) {
    expect.soft(x).toMatchContract()
    if (test.info().errors.length > before) return
  }
}

test('catalog › every gateway pages to its total, without duplicates, in a stable order', READONLY, async ({ catalog, send }) => {
  test.setTimeout(timeoutFor(catalog.live))
  const started = performance.now()
  const listed = await send('listGateways')
  expect(listed).toMatchContract()
  const registry = registryOf(listed.response.json)
  const gateways = catalog.config.gateways ?? registry.map((g) => g.id.toLowerCase())
  const pairs = mergeAliasPairs(catalog.config.aliases, registry)
  const aliases = aliasNames(pairs)
  const partners = (g: string) => pairs.filter((p) => p.includes(g)).map(([a, b]) => (a === g ? b : a))

  const walks = new Map<string, Promise<GatewayWalk>>()
  const walk = (g: string) => walks.get(g) ?? walks.set(g, walkGateway(g, catalog.fetchPage, PAGE_LIMIT)).get(g)!
  const rows: CatalogRow[] = await Promise.all(gateways.map(async (g) => {
    const own = await walk(g)
    const checked = await Promise.all(partners(g).map(async (name) => ({ name, findings: compareAliases(own, await walk(name), aliases) })))
    const findings = [...new Set([...walkFindings(own, aliases), ...checked.flatMap((c) => c.findings)])]
    return { walk: own, aliases: checked.map((c) => ({ name: c.name, ok: c.findings.length === 0 })), findings }
  }))

  const table = renderTable(rows, {
    elapsedMs: performance.now() - started, requests: catalog.exchanges.length + 1, concurrency: catalog.config.concurrency, limit: PAGE_LIMIT, throttled: catalog.pool.throttled,
  })
  await test.info().attach('catalog.md', { body: table, contentType: 'text/markdown' })
  console.log(table)
  const failing = rows.filter((r) => r.findings.length > 0).map((r) => `${r.walk.gateway}: ${r.findings.join('; ')}`)
  expect(failing.length, failures(`catalog: ${failing.length} of ${rows.length} gateways fail`, failing)).toBe(0)
  checkContract(catalog)
})

// A listing capped together with its total pages cleanly: only counts from elsewhere can tell.
test('catalog › no gateway shrank: its total against /v1/gateways/status, the gateway=all listing and the recorded baseline', { tag: ['@catalog', '@readonly', '@catalog-baseline'] }, async ({ catalog, send, target }) => {
  test.setTimeout(timeoutFor(catalog.live))
  const listed = await send('listGateways')
  expect(listed).toMatchContract()
  const registry = registryOf(listed.response.json)
  const gateways = catalog.config.gateways ?? registry.map((g) => g.id.toLowerCase())
  const statusX = await send('getGatewaysStatus', { expect: [200] })
  const statusRows = statusX.response.status === 200 ? (statusX.response.json as { data?: Array<{ id: string; model_count: number }> }).data : undefined
  const status = statusRows && new Map(statusRows.map((g) => [g.id.toLowerCase(), g.model_count]))
  const [all, firstPages] = await Promise.all([
    walkGateway('all', catalog.fetchPage, PAGE_LIMIT),
    Promise.all(gateways.map(async (g) => [g, await catalog.fetchPage(g, 0, 1)] as const)).then((pairs) => new Map(pairs)),
  ])

  const file = catalog.config.baselineFile
  const update = ['all', 'changed'].includes(test.info().config.updateSnapshots)
  const recorded = readBaselines(file)[target.name]
  const where = `${file}, target ${target.name}`
  const aliases = aliasNames(mergeAliasPairs(catalog.config.aliases, registry))
  const counts = gatherCounts({ registry, gateways, firstPages, status, all, baseline: !update && recorded ? { baseline: recorded, where } : undefined, floors: catalog.config.floors, aliases })
  const lines = shrinkFindings(counts, catalog.config.maxDrop)
  if (recorded && !update && catalog.config.gateways === undefined) lines.push(...vanishedFindings(recorded.gateways, new Set(registryIds(registry).values()), where))

  if (update) {
    const totals = Object.fromEntries(counts.flatMap((c) => ('total' in c.claimed ? [[c.gateway, c.claimed.total]] : [])))
    writeBaseline(file, target.name, { ...recorded?.gateways, ...totals })
    test.info().annotations.push({ type: 'catalog-baseline', description: `wrote ${Object.keys(totals).length} gateway counts to ${where}` })
  } else if (!recorded) {
    test.info().annotations.push({ type: 'catalog-baseline', description: `no baseline for target ${target.name} in ${file}: only the status endpoint and the gateway=all listing were compared; record one with CONTRACT_TARGET=${target.name} npm run catalog:baseline` })
  }
  expect(lines.length, failures(`catalog size (CATALOG_MAX_DROP ${catalog.config.maxDrop * 100}%, ${file})`, [...new Set(lines)])).toBe(0)
})

test('catalog › alias pairs answer the same catalog', READONLY, async ({ catalog }) => {
  test.setTimeout(timeoutFor(catalog.live))
  const aliases = aliasNames(catalog.config.aliases)
  const found = await Promise.all(catalog.config.aliases.map(async ([a, b]) => {
    const [wa, wb] = await Promise.all([walkGateway(a, catalog.fetchPage, PAGE_LIMIT), walkGateway(b, catalog.fetchPage, PAGE_LIMIT)])
    return compareAliases(wa, wb, aliases)
  }))
  const lines = [...new Set(found.flat())]
  expect(lines.length, failures('alias pairs (CATALOG_ALIASES) disagree', lines)).toBe(0)
  checkContract(catalog)
})

test('catalog › an unknown gateway answers the documented 400', READONLY, async ({ send }) => {
  const x = await send('getModels', { query: { gateway: 'contractwright-no-such-gateway' }, expect: [400], name: 'unknown gateway → 400' })
  expect(x).toMatchContract()
  // §3.5: assert on the code and status only; request_id, timestamp and the list of values vary
  const error = (x.response.json as { error?: { code?: unknown; status?: unknown } }).error
  expect({ code: error?.code, status: error?.status }, 'the detailed 400 body of §3.5').toEqual({ code: 'INVALID_PARAMETER_TYPE', status: 400 })
})

test(`catalog › limit outside ${MIN_LIMIT}..${PAGE_LIMIT} answers 422`, READONLY, async ({ send }) => {
  for (const limit of [MIN_LIMIT - 1, PAGE_LIMIT + 1]) {
    const x = await send('getModels', { query: { gateway: 'all', limit }, expect: [422], name: `limit=${limit} → 422` })
    expect.soft(x).toMatchContract()
    const locs = ((x.response.json as { detail?: Array<{ loc?: unknown[] }> }).detail ?? []).map((d) => JSON.stringify(d.loc))
    expect.soft(locs, `limit=${limit}: the 422 names the parameter`).toContain('["query","limit"]')
  }
})

test('catalog › required models are listed in their gateway', READONLY, async ({ catalog }) => {
  test.setTimeout(timeoutFor(catalog.live))
  const aliases = aliasNames(catalog.config.aliases)
  const gateways = [...new Set(catalog.config.required.map((r) => r.gateway))] // one walk per gateway
  const found = await Promise.all(gateways.map(async (gateway) => {
    const walk = await walkGateway(gateway, catalog.fetchPage, PAGE_LIMIT)
    return catalog.config.required.filter((r) => r.gateway === gateway).flatMap((r) => requiredFindings(walk, r, aliases))
  }))
  const lines = found.flat()
  expect(lines.length, failures('required models (CATALOG_REQUIRED_MODELS) not found', lines)).toBe(0)
  checkContract(catalog)
})

test('catalog › required models answer a minimal chat call', { tag: ['@catalog', '@mutating'] }, async ({ catalog, send, target }) => {
  test.skip(!target.credentials.user, 'not run: GATEWAYZ_API_KEY is not set (chat without a key is checked by its own test)')
  const lines: string[] = []
  for (const r of catalog.config.required) {
    const x = await send('createChatCompletion', { body: chatBody(r.model), expect: [200], name: `chat on ${r.model}` })
    const found = chatFindings(r, x.response.status, x.response.json, x.response.text)
    lines.push(...found)
    if (found.length === 0) expect.soft(x).toMatchContract()
  }
  expect(lines.length, failures('chat on required models failed', lines)).toBe(0)
})

test('catalog › chat without a key answers the documented 401', READONLY, async ({ catalog, sendCase }) => {
  const model = catalog.config.required[0]?.model ?? 'katanemo/Arch-Router-1.5B'
  const contract = contractFor(GATEWAYZ)
  const c = operationCase(contract, contract.operations.find((o) => o.id === 'createChatCompletion')!, {
    body: chatBody(model), auth: 'none', expect: [401, 403], name: 'chat without a key → 401', // 403: Era A's HTTPBearer; the contract judges the body
  })
  // Without a key nothing is charged, so this runs on read-only targets too (send() would hold back any POST).
  const x = await sendCase(GATEWAYZ, { ...c, mutates: false })
  expect(x).toMatchContract()
})
