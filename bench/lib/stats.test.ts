import assert from 'node:assert/strict'
import { test } from 'node:test'
import { linearFit, median } from './stats.js'

test('median: odd, even, unsorted', () => {
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([4, 1, 3, 2]), 2.5)
  assert.throws(() => median([]), /no samples/)
})

test('linearFit: an exact line has r² 1; a curve fitted with a line does not', () => {
  const line = linearFit([1, 2, 3].map((x) => ({ x, y: 2 * x + 1 })))
  for (const [got, want] of [[line.slope, 2], [line.intercept, 1], [line.r2, 1]] as const) assert.ok(Math.abs(got - want) < 1e-9, `${got} ≠ ${want}`)
  const square = linearFit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => ({ x, y: x * x })))
  assert.ok(square.r2 < 0.95, `r² of x² against x: ${square.r2}`)
})
