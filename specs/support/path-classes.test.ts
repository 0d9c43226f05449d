import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadContract } from '../../src/contract/load-contract.js'
import { pathClassOf, probePath, routingProbes } from './path-classes.js'

const classes = ['/api/v1/*', '/api/mlflow/*', '/api/health*', '/mlflow/*', '/health', '/v1/*']
const rows: Array<[string, { given: string; want: string | undefined }]> = [
  ['serving', { given: '/api/v1/models/21/info', want: '/api/v1/*' }],
  ['mlflow proxy', { given: '/api/mlflow/api/2.0/mlflow/experiments/get-by-name', want: '/api/mlflow/*' }],
  ['api health and below', { given: '/api/health/mlflow', want: '/api/health*' }],
  ['mlflow container', { given: '/mlflow/ajax-api/2.0/mlflow/runs/get', want: '/mlflow/*' }],
  ['/mlflow alone is not /mlflow/*', { given: '/mlflow', want: undefined }],
  ['root health only', { given: '/health', want: '/health' }],
  ['/health/alb is not the /health class', { given: '/health/alb', want: undefined }],
  ['paths are case-sensitive', { given: '/API/v1/models', want: undefined }],
]
for (const [title, { given, want }] of rows) {
  test(`pathClassOf: ${title}`, () => assert.equal(pathClassOf(given, classes), want))
}

test('probePath fills named parameters and leaves the others', () => {
  assert.equal(probePath('/api/v1/models/{model_id}/info', { model_id: '999' }), '/api/v1/models/999/info')
  assert.equal(probePath('/mlflow/{path}', {}), '/mlflow/{path}')
})

// The table is data about the contracts: a renamed operation or a probe outside its class fails here first.
test('every routing probe names a contract operation whose path falls in the probe\'s class', () => {
  const contracts = new Map<string, ReturnType<typeof loadContract>>()
  for (const probe of routingProbes) {
    if (!contracts.has(probe.contract)) contracts.set(probe.contract, loadContract(probe.contract))
    const op = contracts.get(probe.contract)!.operations.find((o) => o.id === probe.operationId)
    assert.ok(op, `${probe.operationId} missing from ${probe.contract}`)
    const path = probePath(op.path, probe.input.path)
    assert.equal(pathClassOf(path, [probe.pathClass]), probe.pathClass, `${probe.operationId}: ${path} is not in ${probe.pathClass}`)
    for (const status of probe.input.expect) assert.ok(op.responses.some((r) => r.status === status), `${probe.operationId} does not declare ${status}`)
    for (const host of probe.hosts ?? []) assert.ok(op.hosts.includes(host), `${probe.operationId} is not served on ${host}`)
  }
})

test('the probes cover every path class of the issue, and the auth and catalog hosts', () => {
  const covered = new Set(routingProbes.map((p) => p.pathClass))
  for (const c of ['/api/v1/*', '/api/mlflow/*', '/api/health*', '/mlflow/*', '/health']) assert.ok(covered.has(c), `no probe for ${c}`)
  assert.ok(routingProbes.some((p) => p.operationId === 'validateApiKey'), 'no probe on the auth host')
  assert.ok(routingProbes.some((p) => p.contract.includes('gatewayz')), 'no probe on the catalog host')
})
