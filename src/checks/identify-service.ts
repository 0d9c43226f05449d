import type { Contract } from '../contract/contract.js'
import type { SchemaRegistry } from '../contract/compile-schemas.js'
import type { ExchangeResponse } from '../cases/exchange.js'
import type { FixedResponse } from '../routing/rule-set.js'

export type { FixedResponse }

export interface ServiceIdentity {
  service: string | undefined // 'load-balancer' for a fixed response; undefined when no fingerprint matches
  evidence: string
}

export const LOAD_BALANCER = 'load-balancer'

/**
 * Which service answered, from the fingerprints the contract declares (x-services) and the load
 * balancer's fixed responses. The expected service is tried first, so shared envelopes (two FastAPI
 * services) never count as a misroute.
 */
export function identifyService(
  contract: Contract, schemas: SchemaRegistry, fixed: readonly FixedResponse[], response: ExchangeResponse, expected: string,
): ServiceIdentity {
  const lb = fixed.find((f) => f.status === response.status && sameType(f.contentType, response.contentType) && f.body.trim() === response.text.trim())
  if (lb) return { service: LOAD_BALANCER, evidence: `the load balancer's fixed ${lb.status} ${lb.contentType} page` }
  const envelope = { status: response.status, contentType: response.contentType ?? '', headers: response.headers, body: response.json ?? response.text }
  const names = Object.keys(contract.services)
  for (const name of [expected, ...names.filter((n) => n !== expected)]) {
    const fingerprint = contract.services[name]?.fingerprint
    if (fingerprint && schemas.validate(fingerprint, envelope).length === 0) {
      return { service: name, evidence: `${contract.services[name]!.description} fingerprint` }
    }
  }
  return { service: undefined, evidence: 'no declared fingerprint matches' }
}

function sameType(declared: string, actual: string | undefined): boolean {
  return declared.split(';')[0]!.trim().toLowerCase() === (actual ?? '')
}
