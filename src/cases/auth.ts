import type { Contract, Operation } from '../contract/contract.js'
import type { Case, CaseCredential } from './case.js'
import { exampleNames, exampleRequest, expectedStatus } from './example-request.js'
import { acceptedSchemes, acceptedStatuses, firstScheme } from './positive.js'
import { caseTitle, opTags } from './titles.js'

/**
 * Security cases for a secured operation: refused without a key and with an invalid one (401),
 * accepted in every declared key location, and the documented precedence when two keys are sent.
 */
export function authCases(contract: Contract, op: Operation): Case[] {
  const schemes = acceptedSchemes(op)
  if (schemes.length === 0) return []
  const name = exampleNames(op)[0]!
  const built = exampleRequest(contract, op, name)
  if ('reason' in built) return [] // the positive generator reports it as untestable
  const ok = expectedStatus(op, name) // undefined: no documented success, so no location can be shown to work
  // A refused request changes nothing, unless the server wrongly accepts it: unsafe methods stay off read-only targets.
  const make = (slug: string, what: string, auth: CaseCredential[], statuses: string[]): Case => ({
    id: `${op.id}:auth:${slug}`,
    title: caseTitle(op, what),
    operationId: op.id,
    kind: 'auth',
    name: what,
    request: { ...built.request, auth },
    expect: { statuses, service: op.service },
    tags: [...opTags(op), '@auth'],
    mutates: !op.safe,
  })
  const first = firstScheme(contract, op)!
  const cases = [
    make('none', '401 without credentials', [], ['401']),
    make('invalid', '401 with an invalid key', [{ scheme: first, key: 'invalid' }], ['401']),
  ]
  // The positive case already uses the first scheme; the others prove each key location works.
  for (const scheme of ok === undefined ? [] : schemes.filter((s) => s !== first)) {
    const statuses = acceptedStatuses(op, ok!, built.generated)
    cases.push(make(`via-${scheme}`, `${statuses.join(' or ')} with the key in ${scheme}`, [{ scheme, key: 'valid' }], statuses))
  }
  const order = contract.authPrecedence.filter((s) => schemes.includes(s))
  if (order.length >= 2) {
    const [winner, loser] = [order[0]!, order[1]!]
    cases.push(make('precedence', `401 when an invalid ${winner} precedes a valid ${loser}`,
      [{ scheme: winner, key: 'invalid' }, { scheme: loser, key: 'valid' }], ['401']))
  }
  return cases
}
