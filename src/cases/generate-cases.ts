import type { Contract } from '../contract/contract.js'
import type { Case, Untestable } from './case.js'
import { authCases } from './auth.js'
import { malformedCases } from './malformed.js'
import { positiveCases } from './positive.js'
import { unroutedCases } from './unrouted.js'

/** Every case a contract implies, in a stable order; operations that cannot produce one are listed with why. */
export function generateCases(contract: Contract): { cases: Case[]; untestable: Untestable[] } {
  const cases: Case[] = []
  const untestable: Untestable[] = []
  for (const op of contract.operations) {
    const positive = positiveCases(contract, op)
    cases.push(...positive.cases, ...authCases(contract, op), ...malformedCases(contract, op))
    untestable.push(...positive.untestable)
  }
  cases.push(...unroutedCases(contract))
  return { cases, untestable }
}
