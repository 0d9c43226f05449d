import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseRoutingFile } from './rule-set.js'
import { findShadowing, type RoutedOperation } from './find-shadowing.js'

function ruleSet(rules: string, listenerDefault = '{ fixed-response: { status: 404, content-type: text/plain, body: Not Found } }') {
  return parseRoutingFile(`hosts: { api: api.example.test, auth: auth.example.test }
default: s
rule-sets:
  s:
    description: d
    source: s
    listeners:
      - name: main
        hosts: [api.example.test, auth.example.test]
        rules:
${rules}
        default: ${listenerDefault}
`, 'fixture.yaml').ruleSets.s!
}

const search: RoutedOperation = { operationId: 'searchExperiments', method: 'post', path: '/api/mlflow/api/2.0/mlflow/experiments/search', service: 'mlflow', via: 'api', hosts: ['api'] }
const info: RoutedOperation = { operationId: 'getModelInfo', method: 'get', path: '/api/v1/models/{model_id}/info', service: 'api', hosts: ['api'] }
const validate: RoutedOperation = { operationId: 'validateKey', method: 'post', path: '/api/v1/keys/validate', service: 'auth', hosts: ['auth'] }
const proxied: RoutedOperation = { operationId: 'mlflowAny', method: 'get', path: '/mlflow/{path}', service: 'mlflow', hosts: ['api'] }

test('findShadowing: a healthy rule set has no findings (later broader rules are not shadowed)', () => {
  const rules = ruleSet(`          - { priority: 85, paths: ['/api/mlflow/*'], target: api }
          - { priority: 100, paths: ['/api*'], target: api }
          - { priority: 150, hosts: [auth.example.test], target: auth }`)
  assert.deepEqual(findShadowing(rules, [search, info]), [])
})

test('findShadowing: a broader rule first makes the narrower one dead (wrong precedence)', () => {
  const rules = ruleSet(`          - { priority: 100, paths: ['/api*'], target: api }
          - { priority: 105, paths: ['/api/mlflow/*'], target: api }`)
  const [finding, ...rest] = findShadowing(rules, [search, info])
  assert.equal(rest.length, 0)
  assert.equal(finding?.kind, 'shadowed')
  assert.equal(finding?.winningRule?.priority, 100)
  assert.equal(finding?.shadowedRule?.priority, 105)
  assert.match(finding!.message, /^rule 100 \(\/api\*\) shadows rule 105 \(\/api\/mlflow\/\*\) for POST \/api\/mlflow\/api\/2\.0\/mlflow\/experiments\/search on api\.example\.test \(searchExperiments\)$/)
})

test('findShadowing: an earlier rule to the wrong service shadows the right one and says where it goes', () => {
  const rules = ruleSet(`          - { priority: 80, hosts: [auth.example.test], paths: ['/api/*'], target: api }
          - { priority: 90, hosts: [auth.example.test], target: auth }`)
  const [finding] = findShadowing(rules, [validate])
  assert.equal(finding?.kind, 'shadowed')
  assert.match(finding!.message, /rule 80 \(auth\.example\.test \+ \/api\/\*\) shadows rule 90 \(auth\.example\.test\) for POST \/api\/v1\/keys\/validate on auth\.example\.test \(validateKey\): it goes to api, contract says auth/)
})

test('findShadowing: misrouted when the wrong service wins and no right rule exists', () => {
  const rules = ruleSet(`          - { priority: 80, hosts: [auth.example.test], paths: ['/api/*'], target: api }`, '{ target: auth }')
  const [finding] = findShadowing(rules, [validate])
  assert.equal(finding?.kind, 'misrouted')
  assert.equal(finding?.actual, 'api')
  assert.equal(finding?.expected, 'auth')
  assert.match(finding!.message, /^misrouted: POST \/api\/v1\/keys\/validate on auth\.example\.test goes to api by rule 80 \(auth\.example\.test \+ \/api\/\*\), contract says auth \(validateKey\)$/)
})

test('findShadowing: via decides the target (MLflow proxy calls must reach the API)', () => {
  const rules = ruleSet(`          - { priority: 85, paths: ['/api/mlflow/*'], target: mlflow }`)
  const [finding] = findShadowing(rules, [search])
  assert.equal(finding?.kind, 'misrouted')
  assert.equal(finding?.expected, 'api')
})

test('findShadowing: not-routed when the fixed response answers', () => {
  const rules = ruleSet(`          - { priority: 85, paths: ['/api/mlflow/*'], target: api }`)
  const [finding, ...rest] = findShadowing(rules, [info, search])
  assert.equal(rest.length, 0)
  assert.equal(finding?.kind, 'not-routed')
  assert.equal(finding?.path, '/api/v1/models/x1/info')
  assert.match(finding!.message, /^not routed: GET \/api\/v1\/models\/x1\/info on api\.example\.test matches no rule of listener "main"; the load balancer answers 404 text\/plain/)
})

test('findShadowing: a {path} parameter is probed with slashes too', () => {
  // `/mlflow/?` matches one segment of one character only; the two-segment probe exposes it.
  const rules = ruleSet(`          - { priority: 10, paths: ['/mlflow/??'], target: mlflow }`)
  const findings = findShadowing(rules, [proxied])
  assert.deepEqual(findings.map((f) => [f.kind, f.path]), [['not-routed', '/mlflow/x1/x2']])
})

test('findShadowing: an unknown host name is reported, not thrown', () => {
  const rules = ruleSet(`          - { priority: 100, paths: ['/api*'], target: api }`)
  const [finding] = findShadowing(rules, [{ ...info, hosts: ['catalog'] }])
  assert.equal(finding?.kind, 'unserved')
  assert.match(finding!.message, /host "catalog", which fixture\.yaml hosts does not name \(known: api, auth\)/)
})
