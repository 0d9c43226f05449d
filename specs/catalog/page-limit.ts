import type { Contract } from '../../src/contract/contract.js'
import { deref } from '../../src/contract/documents.js'
import { getByPointer } from '../../src/contract/pointer.js'

/** The `limit` bounds the contract documents for an operation (`minimum`/`maximum` of its schema). */
export interface LimitBounds {
  min: number
  max: number
}

/**
 * Read from the contract, not hard-coded: the walk pages with the largest page the API accepts
 * (fewest requests), and the validation test probes just outside the bounds.
 */
export function limitBounds(contract: Contract, operationId: string, parameter = 'limit'): LimitBounds {
  const op = contract.operations.find((o) => o.id === operationId)
  const at = op?.parameters.find((p) => p.name === parameter && p.in === 'query')?.schema
  if (!op || !at) throw new Error(`contractwright: ${contract.file} has no query parameter "${parameter}" on ${operationId}`)
  const { value } = deref(contract.documents, getByPointer(contract.documents.docs.get(at.file), at.pointer), at)
  const schema = (value ?? {}) as { minimum?: unknown; maximum?: unknown }
  if (typeof schema.maximum !== 'number') throw new Error(`contractwright: ${op.pointer}: "${parameter}" has no documented maximum to page with`)
  return { min: typeof schema.minimum === 'number' ? schema.minimum : 1, max: schema.maximum }
}
