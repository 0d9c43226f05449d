import assert from 'node:assert/strict'
import { test } from 'node:test'
import { gatherCounts, registryOf, type CountInputs } from './gather-counts.js'
import type { PageAnswer } from './page.js'
import type { GatewayWalk } from './walk.js'

const page = (ids: string[], sources: string[], total = ids.length): PageAnswer => ({
  status: 200, page: { ids, sources, total, returned: ids.length, offset: 0, has_more: false, next_offset: null, gateway: 'all' },
})
const registry = registryOf({ data: [{ id: 'huggingface', aliases: ['hug'] }, { id: 'openrouter' }] })
// gateway=all: HF items carry the fetch slug `hug`, one id listed twice, one from a gateway outside the registry
const all: GatewayWalk = { gateway: 'all', limit: 1000, chain: [{ offset: 0, answer: page(['a', 'b', 'a', 'c', 'x'], ['hug', 'HUG', 'hug', 'openrouter', 'elsewhere']) }] }
const inputs = (over: Partial<CountInputs> = {}): CountInputs => ({
  registry, gateways: ['huggingface', 'openrouter'], all, status: new Map([['huggingface', 1204]]),
  firstPages: new Map([['huggingface', page([], [], 101)], ['openrouter', { status: 404, detail: '{"detail":"Not Found"}' }]]),
  baseline: { baseline: { recorded: '2026-12-07', gateways: { huggingface: 1204 } }, where: 'catalog-baseline.json, target mock' },
  floors: new Map([['huggingface', 1000]]), aliases: new Set(), ...over,
})

test('catalog gather › each source is counted under the registry id, the gateway=all items by distinct id and source alias', () => {
  const [hf, or] = gatherCounts(inputs())
  assert.deepEqual(hf, {
    gateway: 'huggingface',
    claimed: { total: 101, source: '?gateway=huggingface' },
    others: [
      { source: '/v1/gateways/status model_count', count: 1204 },
      { source: 'its models in the gateway=all listing', count: 2 },
      { source: 'baseline of 2026-12-07 (catalog-baseline.json, target mock)', count: 1204 },
    ],
    floor: 1000,
  })
  assert.deepEqual(or!.claimed, { failure: 'gateway openrouter → 404 {"detail":"Not Found"}, expected 200' })
  assert.deepEqual(or!.others.map((o) => o.count), [1])
})

test('catalog gather › an alias name meets its registry id; a source that did not answer is left out', () => {
  const [hug] = gatherCounts(inputs({ gateways: ['hug'], status: undefined, baseline: undefined, all: { ...all, chain: [{ offset: 0, answer: { status: 500 } }] },
    firstPages: new Map([['hug', page([], [], 1204)]]) }))
  assert.deepEqual([hug!.gateway, hug!.others, hug!.floor], ['huggingface', [], 1000])
})
