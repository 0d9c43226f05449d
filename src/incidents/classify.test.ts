import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadContract } from '../contract/load-contract.js'
import { compileSchemas } from '../contract/compile-schemas.js'
import { generateCases } from '../cases/generate-cases.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { builtinChecks } from '../checks/builtin-checks.js'
import { runChecks } from '../checks/run-checks.js'
import { classifyIncident } from './classify.js'

// The Hokusai contract carries x-incidents signatures; each row is an incident's wire signature.
const contract = loadContract('contracts/hokusai/openapi.yaml')
const schemas = compileSchemas(contract.documents)
const { cases } = generateCases(contract)
const fixedResponses = [{ status: 404, contentType: 'text/plain', body: 'Not Found' }]

function classify(caseId: string, status: number, body: unknown, contentType = 'application/json'): string | undefined {
  const c = cases.find((k) => k.id.startsWith(caseId)) ?? assert.fail(`no case ${caseId}`)
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const x: Exchange = { case: c, target: 't', request: { method: c.request.method, url: 'http://h/x', headers: {}, body: undefined }, response: parseResponse(status, { 'content-type': contentType }, text), elapsedMs: 1 }
  const outcome = runChecks(builtinChecks, x, { contract, schemas, fixedResponses })
  const incident = classifyIncident(contract, outcome.failures, x, outcome.answered)
  return incident && `${incident.id}: ${incident.summary}`
}

const rows: Array<[string, string, number, unknown, string | undefined, RegExp | undefined]> = [
  ['not routed: the load balancer page', 'getModelInfo:positive:model21', 404, 'Not Found', 'text/plain', /^not-routed: not routed: the load balancer answered \(text\/plain 404\)/],
  ['misrouted: FastAPI where MLflow was due', 'searchMlflowExperiments:positive', 404, { detail: 'Not Found' }, undefined, /^misrouted: misrouted: answered by api, contract says mlflow/],
  ['missing secret', 'predict:positive:model21', 500, { detail: 'HuggingFace token not configured' }, undefined, /^missing-secret: environment misconfigured: HUGGINGFACE_API_KEY missing on the server/],
  ['dependency down: auth service', 'getModelInfo:positive:model21', 503, { detail: 'Authentication service unavailable' }, undefined, /^dependency-down: dependency down: auth service \(503\)/],
  ['auth regression: answered without a key', 'getModelInfo:auth:none', 200, { model_id: '21' }, undefined, /^auth-regression: security: operation getModelInfo accepts unauthenticated requests/],
  ['deploy mismatch: the service\'s own 404 for a contract route', 'getModelInfo:positive:model21', 404, { detail: 'Not Found' }, undefined, /^deploy-mismatch: route in contract absent from the running service/],
  ['schema drift', 'getModelInfo:positive:model21', 200, { model_id: 21 }, undefined, /^schema-drift: schema drift: \//],
]

for (const [title, caseId, status, body, contentType, want] of rows) {
  test(title, () => assert.match(String(classify(caseId, status, body, contentType ?? 'application/json')), want!))
}

test('no failures, no incident', () => {
  const c = cases.find((k) => k.id === 'getModelInfo:positive:model21')!
  const x: Exchange = { case: c, target: 't', request: { method: 'GET', url: 'http://h/x', headers: {}, body: undefined }, response: parseResponse(200, {}, '{}'), elapsedMs: 1 }
  assert.equal(classifyIncident(contract, [], x, 'api'), undefined)
})

test('the load balancer\'s own 503 page names the target service as down', () => {
  const c = cases.find((k) => k.id === 'getModelInfo:positive:model21')!
  const x: Exchange = { case: c, target: 't', request: { method: 'GET', url: 'http://h/x', headers: {}, body: undefined }, response: parseResponse(503, { 'content-type': 'text/html' }, '<html><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>'), elapsedMs: 1 }
  const outcome = runChecks(builtinChecks, x, { contract, schemas, fixedResponses })
  assert.match(classifyIncident(contract, outcome.failures, x, outcome.answered)!.summary, /^dependency down: api \(the load balancer has no healthy target/)
})
