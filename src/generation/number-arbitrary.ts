import fc from 'fast-check'
import type { Schema } from './schema-node.js'

const INT_RANGE = 1_000_000 // unbounded integers stay readable; the bounds themselves are always tried

/** Integers or numbers inside the schema's (exclusive) bounds and multipleOf, with the bounds favoured. */
export function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = bound(schema.minimum, schema.exclusiveMinimum, +1, integer)
  const high = bound(schema.maximum, schema.exclusiveMaximum, -1, integer)
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined
  if (integer || (multipleOf !== undefined && Number.isInteger(multipleOf))) {
    const step = multipleOf !== undefined && Number.isInteger(multipleOf) ? multipleOf : 1
    const min = Math.ceil((low ?? (high !== undefined ? high - INT_RANGE : -INT_RANGE)) / step)
    const max = Math.floor((high ?? (low !== undefined ? low + INT_RANGE : INT_RANGE)) / step)
    const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER / step)
    const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER / step)
    return fc.integer({ min: Math.ceil(safeMin), max: Math.floor(safeMax) }).map((n) => n * step)
  }
  if (multipleOf !== undefined) {
    const min = Math.ceil((low ?? -INT_RANGE) / multipleOf)
    const max = Math.floor((high ?? INT_RANGE) / multipleOf)
    return fc.integer({ min, max }).map((n) => Number((n * multipleOf).toPrecision(12)))
  }
  return fc.double({
    min: low ?? -INT_RANGE, max: high ?? INT_RANGE, noNaN: true, noDefaultInfinity: true,
    minExcluded: typeof schema.exclusiveMinimum === 'number' && low === schema.exclusiveMinimum,
    maxExcluded: typeof schema.exclusiveMaximum === 'number' && high === schema.exclusiveMaximum,
  }).map((n) => (Object.is(n, -0) ? 0 : n))
}

// 2020-12 exclusive bounds are numbers; for integers they become the next integer inside
function bound(inclusive: unknown, exclusive: unknown, direction: 1 | -1, integer: boolean): number | undefined {
  const candidates: number[] = []
  if (typeof inclusive === 'number') candidates.push(integer ? (direction > 0 ? Math.ceil(inclusive) : Math.floor(inclusive)) : inclusive)
  if (typeof exclusive === 'number') candidates.push(integer ? (direction > 0 ? Math.floor(exclusive) + 1 : Math.ceil(exclusive) - 1) : exclusive)
  if (candidates.length === 0) return undefined
  return direction > 0 ? Math.max(...candidates) : Math.min(...candidates)
}
