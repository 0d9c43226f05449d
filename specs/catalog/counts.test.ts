import assert from 'node:assert/strict'
import { test } from 'node:test'
import { shrinkFindings, vanishedFindings, type GatewayCounts } from './counts.js'

const hf = (total: number, others: Array<[string, number]>, floor?: number): GatewayCounts => ({
  gateway: 'huggingface',
  claimed: { total, source: '?gateway=huggingface' },
  others: others.map(([source, count]) => ({ source, count })),
  floor,
})

test('catalog counts › a capped listing with a capped total is named with every count and its source', () => {
  assert.deepEqual(shrinkFindings([hf(101, [['/v1/gateways/status', 1204], ['baseline', 1204]])], 0.1), [
    'catalog shrank: gateway huggingface reports total 101 (?gateway=huggingface), 91.6% fewer than 1204 (/v1/gateways/status: 1204; baseline: 1204); CATALOG_MAX_DROP tolerates 10%',
  ])
})

test('catalog counts › within the tolerated drop, growth, and no other count: no finding', () => {
  assert.deepEqual(shrinkFindings([hf(1100, [['baseline', 1204]]), hf(1500, [['baseline', 1204]]), hf(5, [])], 0.1), [])
  assert.equal(shrinkFindings([hf(1100, [['baseline', 1204]])], 0.05).length, 1)
})

test('catalog counts › the largest independent count is the reference, so one stale source cannot hide a drop', () => {
  const [found] = shrinkFindings([hf(500, [['/v1/gateways/status', 500], ['baseline', 1204]])], 0.1)
  assert.match(found!, /58.5% fewer than 1204/)
})

test('catalog counts › a floor holds even with nothing to compare', () => {
  assert.deepEqual(shrinkFindings([hf(900, [], 1000)], 0.1), ['catalog below its floor: gateway huggingface reports total 900 (?gateway=huggingface), CATALOG_MIN_MODELS requires at least 1000'])
})

test('catalog counts › a listing that fails says so, and a vanished gateway is a shrink', () => {
  const failed: GatewayCounts = { gateway: 'hug', claimed: { failure: 'alias broken: hug → 404 {"detail":"Not Found"}' }, others: [{ source: 'baseline', count: 1204 }] }
  assert.deepEqual(shrinkFindings([failed], 0.1), ['alias broken: hug → 404 {"detail":"Not Found"}; cannot compare its size with baseline'])
  assert.deepEqual(vanishedFindings({ huggingface: 1204, openai: 0 }, new Set(['openrouter']), 'catalog-baseline.json'), [
    'catalog shrank: gateway huggingface is gone from /v1/gateways, the baseline has 1204 models (catalog-baseline.json)',
  ])
})
