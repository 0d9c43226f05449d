import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fakeCatalog, ids } from './fake-catalog.js'
import { pagesOf, totalOf, walkGateway } from './walk.js'

test('catalog walk › pages planned from total, plus the past-the-end and repeat probes, nothing more', async () => {
  const fetchPage = fakeCatalog({ hug: ids('hf', 1204) })
  const walk = await walkGateway('hug', fetchPage, 1000)
  assert.deepEqual(fetchPage.calls.sort(), ['hug@0', 'hug@0', 'hug@1000', 'hug@1204'])
  assert.deepEqual(walk.chain.map((c) => c.offset), [0, 1000])
  assert.equal(totalOf(walk), 1204)
  assert.equal(pagesOf(walk).flat().length, 1204)
  assert.equal(walk.pastEnd?.page?.ids.length, 0)
})

test('catalog walk › the chain follows the server\'s next_offset, not the planned offsets', async () => {
  const fetchPage = fakeCatalog({ hug: ids('hf', 250) }, { faults: { overlap: true } })
  const walk = await walkGateway('hug', fetchPage, 100)
  assert.deepEqual(walk.chain.map((c) => c.offset), [0, 100, 199])
})

test('catalog walk › a server that never stops saying has_more is cut off', async () => {
  const fetchPage = fakeCatalog({ x: ids('x', 5) }, { bend: (a, offset) => (a.page ? { ...a, page: { ...a.page, has_more: true, next_offset: offset + 1 } } : a) })
  const walk = await walkGateway('x', fetchPage, 1)
  assert.equal(walk.stopped, 'still has_more after 200 pages')
  assert.equal(walk.chain.length, 200)
})

test('catalog walk › an empty gateway is one request', async () => {
  const fetchPage = fakeCatalog({ openai: [] })
  const walk = await walkGateway('openai', fetchPage, 1000)
  assert.deepEqual([fetchPage.calls, walk.chain.length, walk.pastEnd, walk.again], [['openai@0'], 1, undefined, undefined])
})
