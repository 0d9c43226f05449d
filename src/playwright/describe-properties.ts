import { generatedCase } from '../cases/generated-case.js'
import type { Failure } from '../checks/check.js'
import { runChecks } from '../checks/run-checks.js'
import type { Operation } from '../contract/contract.js'
import { classifyIncident } from '../incidents/classify.js'
import { propertyTests, type Judge, type PropertyKind, type PropertyTest } from '../properties/property-plan.js'
import { propertySettings } from '../properties/run-property.js'
import { runPropertyTest } from '../properties/run-property-test.js'
import { formatPropertyFailure } from '../report/format-property-failure.js'
import { missingCredentials } from '../targets/preflight.js'
import { contractFor, runtimeFor } from './contract-runtime.js'
import { test } from './fixtures.js'
import { sendCase } from './send-case.js'
import { registerInGroups } from './test-groups.js'

export interface PropertyOptions {
  /** inputs per test (CONTRACT_RUNS overrides); default 50 */
  runs?: number
  /** which generated tests to register; default all four */
  kinds?: readonly PropertyKind[]
  /** which generated tests to register, by operation and kind (a chain: all of its operations); default every one */
  filter?: (op: Operation, kind: PropertyKind) => boolean
}

export const DEFAULT_RUNS = 50
const MAX_INPUT_SHOWN = 400

/**
 * One Playwright test per operation × kind (valid / invalid / without credentials) and per resource
 * chain, each sending many generated requests: batched, so a run is a few hundred tests, not thousands.
 */
export function describeProperties(file: string, options: PropertyOptions = {}): void {
  const contract = contractFor(file)
  const wanted = options.filter ?? (() => true)
  const tests = propertyTests(contract, options.kinds).filter((p) => p.operations.every((op) => wanted(op, p.kind)))
  registerInGroups(tests, (t) => registerProperty(file, contract.title, t, options.runs ?? DEFAULT_RUNS))
}

function registerProperty(file: string, contractTitle: string, t: PropertyTest, runs: number): void {
  const annotation = [{ type: 'case', description: t.id }, { type: 'cw-operation', description: `${file}#${t.operation.id}` }]
  test(t.title, { tag: t.tags, annotation }, async ({ target, checks, unique }) => {
    const contract = contractFor(file)
    test.skip(target.unconfigured.includes(contractTitle), `not run: ${contractTitle} is not configured for target "${target.name}"`)
    test.skip(t.mutates && target.readOnly && !target.allowMutations, 'not run: read-only target')
    if (t.kind !== 'unauthenticated') {
      const missing = [...new Set(t.operations.flatMap((op) => missingCredentials(contract, target, generatedCase(contract, op, { path: {}, query: {}, headers: {}, cookies: {} }, 'generated', ''))))]
      test.skip(missing.length > 0, `not run: ${missing.join(', ')} not set (the credential this operation needs)`)
    }
    const runtime = runtimeFor(file)
    const judge: Judge = (x) => {
      const outcome = runChecks(checks, x, runtime)
      const errors: Failure[] = outcome.failures.filter((f) => f.severity !== 'warning')
      return { exchange: x, errors, warnings: outcome.failures.filter((f) => f.severity === 'warning'), answered: outcome.answered }
    }
    const info = test.info()
    const settings = { ...propertySettings(process.env, runs), ...(info.timeout > 0 ? { timeLimitMs: Math.floor(info.timeout * 0.7) } : {}) }
    const report = await runPropertyTest(t, (c) => sendCase(runtime, target, c, unique.next), judge, settings)
    for (const s of report.seen) info.annotations.push({ type: 'cw-exchange', description: JSON.stringify({ contract: file, operationId: s.operationId, status: s.status }) })
    for (const w of report.warnings.values()) info.annotations.push({ type: 'warning', description: `${w.check}: ${w.title}: expected ${w.expected}, got ${w.actual}` })
    info.annotations.push({ type: 'cw-generated', description: JSON.stringify({ seed: report.runSeed, tried: report.tried, requests: report.requests }) })
    if (!report.failure) return
    const { judged, input } = report.failure
    const incident = classifyIncident(contract, judged.errors, judged.exchange, judged.answered)
    if (incident) info.annotations.push({ type: 'incident', description: `${incident.id}: ${incident.summary}` })
    const shown = t.describe(input)
    const error = new Error(formatPropertyFailure(report, shown.length > MAX_INPUT_SHOWN ? `${shown.slice(0, MAX_INPUT_SHOWN)}…` : shown, incident, target.secrets))
    error.stack = error.message // the message is the report: where in this file it was thrown says nothing
    throw error
  })
}
