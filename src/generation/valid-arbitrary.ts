import fc from 'fast-check'
import type { ErrorObject } from 'ajv'
import type { SchemaRegistry } from '../contract/compile-schemas.js'
import { displayLocation, type DocumentSet, type Location } from '../contract/documents.js'
import { schemaArbitrary, type Direction } from './schema-arbitrary.js'
import { nodeAt } from './schema-node.js'

const MAX_MISSES = 500

/** No valid value could be generated for a schema (contradictory keywords, or a pattern too narrow). */
export class GenerationError extends Error {
  constructor(readonly at: Location) {
    super(`contractwright: ${displayLocation(at)}: cannot generate a value that satisfies this schema (${MAX_MISSES} attempts in a row were invalid)`)
    this.name = 'GenerationError'
  }
}

const cache = new WeakMap<SchemaRegistry, Map<string, fc.Arbitrary<unknown>>>()

/**
 * Values that conform to the schema at `at`, for a request or a response. The generator is exact for
 * most keywords; what it cannot be exact about (patterns with lengths, oneOf exclusivity, `not`) is
 * filtered through the contract's own Ajv validator, so every value is valid by the same rules the
 * checks use. A required readOnly property may be absent from a request (and writeOnly from a response).
 */
export function validArbitrary(set: DocumentSet, schemas: SchemaRegistry, at: Location, direction: Direction): fc.Arbitrary<unknown> {
  let byKey = cache.get(schemas)
  if (!byKey) cache.set(schemas, (byKey = new Map()))
  const key = `${direction} ${at.file}#${at.pointer}`
  let arbitrary = byKey.get(key)
  if (!arbitrary) {
    const walk = { set, direction, omitted: new Set<string>() }
    const raw = schemaArbitrary(walk, nodeAt(set, at))
    let misses = 0
    arbitrary = raw.filter((value) => {
      if (acceptable(schemas.validate(at, value), walk.omitted)) return (misses = 0) === 0
      // an unsatisfiable or very narrow schema must end in a clear error, not a hang
      if (++misses > MAX_MISSES) throw new GenerationError(at)
      return false
    })
    byKey.set(key, arbitrary)
  }
  return arbitrary
}

/** One valid value, the same for the same seed. */
export function sampleValid(set: DocumentSet, schemas: SchemaRegistry, at: Location, direction: Direction, seed: number): unknown {
  return fc.sample(validArbitrary(set, schemas, at, direction), { seed, numRuns: 1 })[0]
}

function acceptable(errors: readonly ErrorObject[], omitted: ReadonlySet<string>): boolean {
  return errors.every((e) => e.keyword === 'required' && omitted.has(String((e.params as { missingProperty?: string }).missingProperty)))
}
