// The load-balancer models in contracts/*/routing.yaml, checked against the contracts' operations.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { loadContract } from '../../src/contract/load-contract.js'
import { findShadowing } from '../../src/routing/find-shadowing.js'
import { matchPathPattern } from '../../src/routing/match-pattern.js'
import { loadRoutingFile, pickRuleSet } from '../../src/routing/rule-set.js'
import { toRoutedOperations } from '../../src/routing/routed-operation.js'

const HOKUSAI = 'contracts/hokusai'
const GATEWAYZ = 'contracts/gatewayz'

async function load(dir: string) {
  const routing = await loadRoutingFile(`${dir}/routing.yaml`)
  const operations = toRoutedOperations((await loadContract(`${dir}/openapi.yaml`)).operations)
  return { routing, operations }
}

const hokusai = load(HOKUSAI)

test('hokusai routing.yaml names the rule sets the faults use, and intended is the default', async () => {
  const { routing } = await hokusai
  assert.equal(routing.defaultName, 'intended')
  for (const name of ['intended', 'as-deployed', 'main-tf-http', 'historical-api-first', 'v1-unrouted', 'auth-shadowed']) {
    assert.ok(routing.ruleSets[name], `rule set "${name}" missing from ${HOKUSAI}/routing.yaml`)
  }
  assert.deepEqual(routing.hosts, { api: 'api.hokus.ai', registry: 'registry.hokus.ai', auth: 'auth.hokus.ai' })
})

test('hokusai intended routes every contract operation to its service on every host', async () => {
  const { routing, operations } = await hokusai
  assert.ok(operations.length > 0, 'the contract has no operations')
  const findings = findShadowing(pickRuleSet(routing), operations)
  assert.deepEqual(findings.map((f) => f.message), [])
})

test('hokusai historical-api-first: rule 100 (/api*) shadows rule 105 (/api/mlflow/*) for every MLflow proxy operation', async () => {
  const { routing, operations } = await hokusai
  const proxied = operations.filter((op) => op.via === 'api' && op.service === 'mlflow' && op.path.startsWith('/api/mlflow/'))
  assert.ok(proxied.length > 0, 'the contract has no MLflow proxy operations (x-service: mlflow, x-via: api)')
  const findings = findShadowing(pickRuleSet(routing, 'historical-api-first'), proxied)
  for (const op of proxied) {
    for (const host of op.hosts) {
      const finding = findings.find((f) => f.operationId === op.operationId && f.host === host)
      assert.equal(finding?.kind, 'shadowed', `${op.operationId} on ${host}: expected a shadowing finding`)
      assert.deepEqual(finding.winningRule?.paths, ['/api*'])
      assert.deepEqual(finding.shadowedRule?.paths, ['/api/mlflow/*'])
      assert.match(finding.message, /^rule 100 \(\/api\*\) shadows rule 105 \(\/api\/mlflow\/\*\) for [A-Z]+ \/api\/mlflow\//)
    }
  }
})

test('hokusai v1-unrouted: GET /api/v1/models/{model_id}/info gets the load balancer fixed 404 on api.hokus.ai', async () => {
  const { routing, operations } = await hokusai
  const info = operations.find((op) => op.method === 'GET' && op.path === '/api/v1/models/{model_id}/info')
  assert.ok(info, 'GET /api/v1/models/{model_id}/info missing from the contract')
  const findings = findShadowing(pickRuleSet(routing, 'v1-unrouted'), [info])
  const onApi = findings.find((f) => f.host === 'api')
  assert.equal(onApi?.kind, 'not-routed')
  assert.match(onApi.message, /^not routed: GET \/api\/v1\/models\/x1\/info on api\.hokus\.ai .* 404 text\/plain/)
})

test('hokusai auth-shadowed: rule 80 (auth.hokus.ai + /api/*) misroutes every auth service operation to the API', async () => {
  const { routing, operations } = await hokusai
  const auth = operations.filter((op) => op.service === 'auth')
  assert.ok(auth.length >= 2, 'the contract should hold the auth service operations (validate, debit)')
  const findings = findShadowing(pickRuleSet(routing, 'auth-shadowed'), auth)
  for (const op of auth) {
    const finding = findings.find((f) => f.operationId === op.operationId)
    assert.equal(finding?.kind, 'misrouted', `${op.operationId}: expected misrouted`)
    assert.equal(finding.actual, 'api')
    assert.equal(finding.winningRule?.priority, 80)
  }
})

test('gatewayz intended routes every contract operation to its service', async (t) => {
  if (!existsSync(`${GATEWAYZ}/routing.yaml`) || !existsSync(`${GATEWAYZ}/openapi.yaml`)) {
    t.skip(`${GATEWAYZ}/routing.yaml or openapi.yaml is absent: nothing to check yet`)
    return
  }
  const { routing, operations } = await load(GATEWAYZ)
  assert.ok(operations.length > 0, 'the gatewayz contract has no operations')
  assert.deepEqual(findShadowing(pickRuleSet(routing), operations).map((f) => f.message), [])
})

// mlflow-proxy.md §9.1: the patterns this platform uses, as AWS evaluates them.
const section91: Array<[pattern: string, matches: string[], doesNot: string[]]> = [
  ['/api*', ['/api', '/api/v1/models', '/apis', '/api2'], ['/API/v1']],
  ['/api/*', ['/api/', '/api/v1/models', '/api/mlflow/x'], ['/api']],
  ['/api/mlflow/*', ['/api/mlflow/', '/api/mlflow/api/2.0/mlflow/experiments/search'], ['/api/mlflow']],
  ['/mlflow/*', ['/mlflow/', '/mlflow/ajax-api/2.0/mlflow/runs/get'], ['/mlflow', '/mlflow-artifacts/x']],
  ['/mlflow', ['/mlflow'], ['/mlflow/']],
]

for (const [pattern, matches, doesNot] of section91) {
  test(`§9.1 ${pattern} matches ${matches.join(' ')} and not ${doesNot.join(' ')}`, () => {
    for (const path of matches) assert.equal(matchPathPattern(pattern, path), true, `${pattern} should match ${path}`)
    for (const path of doesNot) assert.equal(matchPathPattern(pattern, path), false, `${pattern} should not match ${path}`)
  })
}

