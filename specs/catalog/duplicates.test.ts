import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeDuplicates, findDuplicates, pageRanges } from './duplicates.js'

test('catalog duplicates › across pages and within a page, with the pages they appeared on', () => {
  const found = findDuplicates([['a', 'b', 'b'], ['c', 'a'], ['a']])
  assert.deepEqual(found, [{ id: 'a', pages: [1, 2, 3] }, { id: 'b', pages: [1, 1] }])
  assert.deepEqual(describeDuplicates(found), [
    'duplicates across pages: ids a (pages 1–3)',
    'duplicates within a page: ids b (page 1, 2×)',
  ])
})

test('catalog duplicates › none on clean pages; long lists are cut', () => {
  assert.deepEqual(findDuplicates([['a'], ['b']]), [])
  const many = Array.from({ length: 8 }, (_, i) => `m${i}`)
  assert.match(describeDuplicates(findDuplicates([many, many]))[0]!, /m4 \(pages 1, 2\) and 3 more$/)
  assert.equal(pageRanges([5, 1, 2, 3, 7, 8]), '1–3, 5, 7, 8')
})
