import type { Contract } from '../contract/contract.js'
import type { SchemaRegistry } from '../contract/compile-schemas.js'
import type { Exchange } from '../cases/exchange.js'
import type { Check, Failure } from './check.js'
import { identifyService, type FixedResponse } from './identify-service.js'
import { matchesStatus } from './status-expected.js'

export interface CheckOutcome {
  failures: Failure[]
  notApplicable: string[] // names of checks that did not apply to this case
  answered: string | undefined
}

/** Runs every applicable check on one exchange. Throws only on a duplicate check name (a programming error). */
export function runChecks(
  checks: readonly Check[], x: Exchange, deps: { contract: Contract; schemas: SchemaRegistry; fixedResponses: readonly FixedResponse[] },
): CheckOutcome {
  const names = new Set<string>()
  for (const c of checks) {
    if (names.has(c.name)) throw new Error(`contractwright: two checks are named "${c.name}"`)
    names.add(c.name)
  }
  const operation = deps.contract.operations.find((o) => o.id === x.case.operationId)
  // An exact status beats a range: '404' before '4XX' before 'default'.
  const response = operation?.responses
    .filter((r) => matchesStatus(r.status, x.response.status))
    .sort((a, b) => rank(a.status) - rank(b.status))[0]
  const expected = response?.service ?? x.case.expect.service
  const answered = identifyService(deps.contract, deps.schemas, deps.fixedResponses, x.response, expected)
  const ctx = { contract: deps.contract, operation, response, schemas: deps.schemas, answered }
  const failures: Failure[] = []
  const notApplicable: string[] = []
  for (const check of checks) {
    if (!check.appliesTo(x.case)) notApplicable.push(check.name)
    else failures.push(...check.run(x, ctx))
  }
  return { failures, notApplicable, answered: answered.service }
}

function rank(status: string): number {
  return status === 'default' ? 2 : /X/i.test(status) ? 1 : 0
}
