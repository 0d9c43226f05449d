import type { Contract, Operation, ResponseSpec } from '../contract/contract.js'
import type { SchemaRegistry } from '../contract/compile-schemas.js'
import type { Case } from '../cases/case.js'
import type { Exchange } from '../cases/exchange.js'
import type { ServiceIdentity } from './identify-service.js'

export type CheckName = string
export type IncidentId =
  | 'not-routed' | 'misrouted' | 'missing-secret' | 'registration-broken' | 'deploy-mismatch' | 'alias-broken'
  | 'pagination-incomplete' | 'model-missing' | 'auth-regression' | 'schema-drift' | 'dependency-down'

export interface Failure {
  check: CheckName
  title: string
  expected: string
  actual: string
  pointer?: string // where in the contract: file#/json/pointer
  instancePath?: string // where in the body
  incident?: IncidentId // set by classifyIncident, not by the check
  hint?: string
  severity?: 'error' | 'warning' // warnings are reported, never fail a test
}

/** What a check may look at besides the exchange: all pure data, built once per worker. */
export interface CheckContext {
  contract: Contract
  operation: Operation | undefined
  response: ResponseSpec | undefined // the declared response matching the status, if any
  schemas: SchemaRegistry
  answered: ServiceIdentity
}

export interface Check {
  readonly name: CheckName
  readonly summary: string
  appliesTo(c: Case): boolean
  run(x: Exchange, ctx: CheckContext): Failure[]
}

/** Like Playwright's defineConfig: a typed identity, so checks are plain values in explicit lists. */
export function defineCheck(check: Check): Check {
  return check
}
