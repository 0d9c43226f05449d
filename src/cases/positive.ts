import type { Contract, Operation } from '../contract/contract.js'
import type { Case, Untestable } from './case.js'
import { exampleNames, exampleRequest, expectedStatus, pairedStatuses } from './example-request.js'
import { caseTitle, opTags } from './titles.js'

/** One case per request example: sent with valid credentials, expected to answer the paired status. */
export function positiveCases(contract: Contract, op: Operation): { cases: Case[]; untestable: Untestable[] } {
  const cases: Case[] = []
  const untestable: Untestable[] = []
  const names = exampleNames(op)
  for (const name of names) {
    const built = exampleRequest(contract, op, name)
    const status = expectedStatus(op, name)
    const label = names.length > 1 ? ` [${name}]` : ''
    if ('reason' in built || status === undefined) {
      const reason = 'reason' in built ? built.reason : `no 2xx response, no response example named "${name}" and no non-auth response with a default example`
      untestable.push({ operationId: op.id, title: caseTitle(op, `untestable${label}`), pointer: op.pointer, reason })
      continue
    }
    const request = built.request
    const scheme = firstScheme(contract, op)
    if (scheme) request.auth = [{ scheme, key: 'valid' }]
    const statuses = [...new Set([...pairedStatuses(op, name), ...acceptedStatuses(op, status, built.generated)])]
    const outcome = `${statuses.join(' or ')} conforms${built.generated.length > 0 ? ' (generated values)' : ''}${label}`
    cases.push({
      id: `${op.id}:positive:${name}`,
      title: caseTitle(op, outcome),
      operationId: op.id,
      kind: 'positive',
      name: outcome,
      request,
      expect: { statuses, service: op.service },
      tags: opTags(op),
      mutates: !op.safe,
    })
  }
  return { cases, untestable }
}

const MISSING = new Set(['404', '409', '410'])

/** The example's status; generated values may name nothing that exists, so a documented 404 (409, 410) is an answer too. */
export function acceptedStatuses(op: Operation, status: string, generated: readonly string[]): string[] {
  return generated.length === 0 ? [status] : [status, ...op.responses.map((r) => r.status).filter((s) => MISSING.has(s))]
}

/** The scheme a valid key is sent in: the first of the documented precedence the operation accepts. */
export function firstScheme(contract: Contract, op: Operation): string | undefined {
  const accepted = acceptedSchemes(op)
  return contract.authPrecedence.find((s) => accepted.includes(s)) ?? accepted[0]
}

export function acceptedSchemes(op: Operation): string[] {
  return [...new Set(op.security.flatMap((req) => Object.keys(req)))]
}
