import { test } from '@playwright/test'
import type { Exchange } from '../cases/exchange.js'
import { runChecks } from '../checks/run-checks.js'
import { classifyIncident } from '../incidents/classify.js'
import { formatFailure } from '../report/format-failure.js'
import { contextOf } from './exchange-context.js'

/** `expect(exchange).toMatchContract()`: every applicable check; warnings are annotated, errors fail with one message. */
export function toMatchContract(this: { isNot: boolean }, x: Exchange) {
  const ctx = contextOf(x)
  if (!ctx) {
    return { pass: false, name: 'toMatchContract', message: () => 'contractwright: toMatchContract() needs an exchange from the `send` fixture' }
  }
  const { contract, schemas, fixedResponses } = ctx.runtime
  const outcome = runChecks(ctx.checks, x, { contract, schemas, fixedResponses })
  const errors = outcome.failures.filter((f) => f.severity !== 'warning')
  const warnings = outcome.failures.filter((f) => f.severity === 'warning')
  const incident = classifyIncident(contract, errors, x, outcome.answered)
  for (const f of errors) f.incident = incident?.id
  const info = test.info()
  for (const w of warnings) info.annotations.push({ type: 'warning', description: `${w.check}: ${w.title}: expected ${w.expected}, got ${w.actual}` })
  if (incident) info.annotations.push({ type: 'incident', description: `${incident.id}: ${incident.summary}` })
  const pass = errors.length === 0
  return {
    pass,
    name: 'toMatchContract',
    message: () => (pass ? `${x.case.title}: matches the contract` : formatFailure(errors, x, incident, outcome.answered, ctx.target.secrets)),
  }
}
