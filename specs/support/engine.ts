// The few engine internals these suites use that src/index.ts does not export (yet): the per-worker
// contract cache, so no suite parses a contract a second time, and the context an exchange carries,
// so a probe can ask which service answered. Kept in one file so an export later changes one import.
import type { Exchange, Operation } from '../../src/index.js'
import { identifyService } from '../../src/index.js'
import { contractFor } from '../../src/playwright/contract-runtime.js'
import { contextOf } from '../../src/playwright/exchange-context.js'

export { contractFor }
export { GATEWAYZ, HOKUSAI } from './contract-files.js'

/** An operation of one contract; a renamed operationId fails at collection, naming the file. */
export function operation(file: string, id: string): Operation {
  const op = contractFor(file).operations.find((o) => o.id === id)
  if (!op) throw new Error(`contractwright: no operation "${id}" in ${file}`)
  return op
}

/** A request body example of an operation, by name: the suites send what the contract documents. */
export function requestExample(op: Operation, name: string): unknown {
  const found = op.requestBody?.content.find((m) => name in m.examples)
  if (!found) throw new Error(`contractwright: ${op.pointer} has no request example "${name}"`)
  return found.examples[name]
}

/** A response example by status, media type and name (undefined when the contract shows none). */
export function responseExample(op: Operation, status: string, mediaType: string, name: string): unknown {
  return op.responses.find((r) => r.status === status)?.content.find((m) => m.mediaType === mediaType)?.examples[name]
}

/** Which service answered, by the contract's fingerprints and the load balancer's fixed pages. */
export function answeredBy(x: Exchange, expected: string): string | undefined {
  const ctx = contextOf(x)
  if (!ctx) throw new Error('contractwright: answeredBy() needs an exchange from the `send` fixture')
  const { contract, schemas, fixedResponses } = ctx.runtime
  return identifyService(contract, schemas, fixedResponses, x.response, expected).service
}
