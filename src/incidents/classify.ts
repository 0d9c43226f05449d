import type { Contract } from '../contract/contract.js'
import type { Exchange } from '../cases/exchange.js'
import type { Failure, IncidentId } from '../checks/check.js'
import { LOAD_BALANCER } from '../checks/identify-service.js'
import { readSignatures, type Signature } from './signatures.js'

export interface Incident {
  id: IncidentId
  summary: string // the words a platform engineer knows at once
  evidence?: string
}

const GENERIC_MISSING_SECRET = /\b(token|key|secret|credential)s?\b.{0,20}\b(not configured|not set|missing)\b/i

/** Why the failures on one exchange probably happened. Pure: signatures come from the contract's x-incidents. */
export function classifyIncident(contract: Contract, failures: readonly Failure[], x: Exchange, answered: string | undefined): Incident | undefined {
  if (failures.length === 0) return undefined
  const { status } = x.response
  const expected = x.case.expect.service
  if (answered === LOAD_BALANCER) {
    return { id: 'not-routed', summary: `not routed: the load balancer answered (${x.response.contentType ?? 'no content type'} ${status}); no service saw the request` }
  }
  if (answered !== undefined && failures.some((f) => f.check === 'answered_by_service')) {
    return { id: 'misrouted', summary: `misrouted: answered by ${answered}, contract says ${failures.find((f) => f.check === 'answered_by_service')!.expected}` }
  }
  const signatures = readSignatures(contract)
  const secret = match(signatures['missing-secret'], x)
  if (secret || (status >= 500 && GENERIC_MISSING_SECRET.test(x.response.text))) {
    const name = secret?.secret ?? 'a secret'
    return { id: 'missing-secret', summary: `environment misconfigured: ${name} missing on the server`, evidence: `body ${x.response.text.slice(0, 120)}` }
  }
  // A dependency that is down explains refusals and 5xx alike: name it before judging auth.
  const down = match(signatures['dependency-down'], x)
  if (down || ((status === 502 || status === 504) && !x.case.expect.statuses.includes(String(status)))) {
    return { id: 'dependency-down', summary: `dependency down: ${down?.dependency ?? 'an upstream service'} (${status})` }
  }
  // A load balancer's own 503 page: the target service has no healthy instance.
  if (status === 503 && answered === undefined && /^text\/(html|plain)$/.test(x.response.contentType ?? '')) {
    return { id: 'dependency-down', summary: `dependency down: ${expected} (the load balancer has no healthy target; 503 ${x.response.contentType})` }
  }
  if (failures.some((f) => f.check === 'auth_enforced')) {
    const op = x.case.operationId ?? `${x.case.request.method} ${x.case.request.path}`
    const refusalExpected = x.case.expect.statuses.includes('401')
    // Anything but a 401 (or a server error) means the request got past the key check to the handler.
    const accepted = refusalExpected && status !== 401 && status < 500
    const summary = accepted ? `security: operation ${op} accepts unauthenticated requests (answered ${status})`
      : refusalExpected ? `security: operation ${op} refuses with a malformed answer (${status} ${x.response.contentType ?? 'no content type'})`
      : `security: operation ${op} refuses a valid key (${status})`
    return { id: 'auth-regression', summary }
  }
  const stale = match(signatures['deploy-mismatch'], x)
  if (stale && x.case.kind === 'positive' && answered === expected) {
    return { id: 'deploy-mismatch', summary: 'route in contract absent from the running service (deploy mismatch: old build or import error)' }
  }
  const drift = failures.find((f) => f.check === 'response_schema_conformance')
  if (drift) {
    return { id: 'schema-drift', summary: `schema drift: ${drift.instancePath ?? '/'} expected ${drift.expected}, got ${drift.actual}` }
  }
  return undefined
}

function match(signatures: readonly Signature[] | undefined, x: Exchange): Signature | undefined {
  return signatures?.find((s) =>
    (s.status === undefined || s.status.includes(x.response.status))
    && (s.body === undefined || s.body.test(x.response.text))
    && (s.path === undefined || s.path.test(x.case.request.path)))
}
