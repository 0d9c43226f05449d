// Every check, shown failing on the fault it exists for and passing on a healthy answer.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadContract } from '../contract/load-contract.js'
import { compileSchemas } from '../contract/compile-schemas.js'
import { generateCases } from '../cases/generate-cases.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { builtinChecks } from './builtin-checks.js'
import { runChecks } from './run-checks.js'
import type { FixedResponse } from './identify-service.js'

const contract = loadContract('test/fixtures/tiny/openapi.yaml')
const schemas = compileSchemas(contract.documents)
const fixedResponses: FixedResponse[] = [{ status: 404, contentType: 'text/plain', body: 'Not Found' }]
const { cases } = generateCases(contract)
const byId = (id: string) => cases.find((c) => c.id === id) ?? assert.fail(`no case ${id}: ${cases.map((c) => c.id).join(', ')}`)

function exchange(caseId: string, status: number, body: unknown, contentType = 'application/json', elapsedMs = 5): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return { case: byId(caseId), target: 'test', request: { method: 'GET', url: 'http://pets.test/x', headers: {}, body: undefined }, response: parseResponse(status, { 'content-type': contentType }, text), elapsedMs }
}
const failing = (x: Exchange) => runChecks(builtinChecks, x, { contract, schemas, fixedResponses }).failures.map((f) => f.check).sort()

const rows: Array<[string, Exchange, string[]]> = [
  ['healthy answer passes every check', exchange('getPet:positive:rex', 200, { id: 1, name: 'Rex' }), []],
  ['status_code_conformance: a status the operation does not declare', exchange('getPet:positive:unknown', 418, { message: 'teapot' }), ['status_code_conformance', 'status_expected']],
  ['status_expected: a declared status, but not the paired one', exchange('getPet:positive:rex', 404, { message: 'pet not found' }), ['status_expected']],
  ['content_type_conformance: HTML where JSON is declared', exchange('getPet:positive:rex', 200, '<html></html>', 'text/html'), ['content_type_conformance']],
  ['response_schema_conformance: a field retyped (schema drift)', exchange('getPet:positive:rex', 200, { id: '1', name: 'Rex' }), ['response_schema_conformance']],
  ['response_schema_conformance: a body that is not JSON at all', exchange('getPet:positive:rex', 200, '{"id": 1', 'application/json'), ['response_schema_conformance']],
  ['answered_by_service: the load balancer page (not routed)', exchange('getPet:positive:rex', 404, 'Not Found', 'text/plain'), ['answered_by_service', 'content_type_conformance', 'status_expected']],
  ['auth_enforced: answered without credentials (auth regression)', exchange('getPet:auth:none', 200, { id: 1, name: 'Rex' }), ['auth_enforced', 'status_expected']],
  ['auth_enforced: refused with a non-JSON 401', exchange('getPet:auth:invalid', 401, 'nope', 'text/plain'), ['auth_enforced', 'content_type_conformance']],
  ['auth_enforced: a declared key location refused', exchange('getPet:auth:via-apiKeyHeader', 401, { message: 'unauthorized' }), ['auth_enforced', 'status_expected']],
  ['not_a_server_error: a 500 where none is expected', exchange('getPet:positive:rex', 500, { message: 'boom' }), ['not_a_server_error', 'status_code_conformance', 'status_expected']],
]

for (const [title, x, want] of rows) test(title, () => assert.deepEqual(failing(x), want))

test('answered_by_service: another service\'s envelope is a misroute, naming who answered', () => {
  const x = exchange('getPet:positive:unknown', 404, { detail: 'Not Found' })
  const outcome = runChecks(builtinChecks, x, { contract, schemas, fixedResponses })
  assert.equal(outcome.answered, 'legacy')
  const misroute = outcome.failures.find((f) => f.check === 'answered_by_service')!
  assert.deepEqual([misroute.expected, misroute.actual], ['pets', 'legacy (the legacy pets service (FastAPI) fingerprint)'])
  const own = runChecks(builtinChecks, exchange('getPet:positive:unknown', 404, { message: 'pet not found' }), { contract, schemas, fixedResponses })
  assert.deepEqual([own.answered, own.failures], ['pets', []])
})

test('latency_budget: reported as a warning unless the contract enforces it', () => {
  const op = contract.operations.find((o) => o.id === 'getPet')!
  const withBudget = (enforce: boolean) => ({ ...contract, operations: contract.operations.map((o) => (o === op ? { ...o, latencyBudget: { budget: 100, enforce } } : o)) })
  const slow = exchange('getPet:positive:rex', 200, { id: 1, name: 'Rex' }, 'application/json', 250)
  const warn = runChecks(builtinChecks, slow, { contract: withBudget(false), schemas, fixedResponses }).failures
  assert.deepEqual(warn.map((f) => [f.check, f.severity]), [['latency_budget', 'warning']])
  const fail = runChecks(builtinChecks, slow, { contract: withBudget(true), schemas, fixedResponses }).failures
  assert.deepEqual(fail.map((f) => [f.check, f.severity]), [['latency_budget', 'error']])
})

test('two checks with one name are refused', () => {
  assert.throws(() => runChecks([builtinChecks[0]!, builtinChecks[0]!], exchange('getPet:positive:rex', 200, { id: 1, name: 'Rex' }), { contract, schemas, fixedResponses }), /two checks are named "answered_by_service"/)
})
