import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseRoutingFile } from './rule-set.js'
import { resolveRoute } from './resolve-route.js'

// Rules are listed out of order on purpose: evaluation must follow priority, not file order.
const ruleSet = parseRoutingFile(`hosts: { api: api.example.test, reg: reg.example.test, auth: auth.example.test }
default: main
rule-sets:
  main:
    description: d
    source: s
    listeners:
      - name: main
        hosts: [api.example.test, reg.example.test]
        rules:
          - { priority: 200, paths: ['/mlflow', '/mlflow/*'], target: mlflow }
          - { priority: 100, paths: ['/api*'], target: api }
          - { priority: 40, hosts: [reg.example.test], paths: ['/mlflow/*'], target: registry-mlflow }
          - { priority: 85, paths: ['/api/mlflow/*'], target: proxy }
          - { priority: 30, paths: ['/v?/x'], target: one-char }
        default: { fixed-response: { status: 404, content-type: text/plain, body: Not Found } }
      - name: auth
        hosts: ['auth.*.test']
        rules: []
        default: { target: auth }
`, 'fixture.yaml').ruleSets.main!

const rows: Array<[string, { host: string; path: string; want: { target?: string; rule?: number; fixed?: number; listener?: string } }]> = [
  ['the lower priority number wins over file order', { host: 'api.example.test', path: '/api/mlflow/x', want: { target: 'proxy', rule: 85 } }],
  ['the broad rule takes the rest of /api', { host: 'api.example.test', path: '/api2', want: { target: 'api', rule: 100 } }],
  ['a host condition narrows the rule', { host: 'reg.example.test', path: '/mlflow/x', want: { target: 'registry-mlflow', rule: 40 } }],
  ['a host condition does not match other hosts', { host: 'api.example.test', path: '/mlflow/x', want: { target: 'mlflow', rule: 200 } }],
  ['host matching is case-insensitive', { host: 'REG.Example.Test', path: '/mlflow/x', want: { target: 'registry-mlflow', rule: 40 } }],
  ['path matching is case-sensitive', { host: 'api.example.test', path: '/API/v1', want: { fixed: 404 } }],
  ['the query string is ignored', { host: 'api.example.test', path: '/mlflow?to=/api/x', want: { target: 'mlflow', rule: 200 } }],
  ['? matches one character', { host: 'api.example.test', path: '/v1/x', want: { target: 'one-char', rule: 30 } }],
  ['? does not match two', { host: 'api.example.test', path: '/v12/x', want: { fixed: 404 } }],
  ['no rule: the fixed response', { host: 'api.example.test', path: '/health', want: { fixed: 404, listener: 'main' } }],
  ['no rule: a forwarding default', { host: 'auth.example.test', path: '/api/v1/keys/validate', want: { target: 'auth', listener: 'auth' } }],
]

for (const [title, { host, path, want }] of rows) {
  test(`resolveRoute: ${title} (${host} ${path})`, () => {
    const route = resolveRoute(ruleSet, host, path)
    if (want.fixed !== undefined) {
      assert.equal(route.kind, 'fixed-response')
      assert.equal(route.kind === 'fixed-response' && route.fixedResponse.status, want.fixed)
      assert.equal(route.rule, undefined)
    } else {
      assert.equal(route.kind, 'target')
      assert.equal(route.kind === 'target' && route.target, want.target)
      assert.equal(route.rule?.priority, want.rule)
    }
    if (want.listener) assert.equal(route.listener?.name, want.listener)
  })
}

test('resolveRoute: a host no listener serves is a clear result', () => {
  const route = resolveRoute(ruleSet, 'elsewhere.test', '/api/x')
  assert.equal(route.kind, 'unserved')
  assert.match(route.kind === 'unserved' ? route.message : '', /no listener of rule set "main" serves host elsewhere\.test \(served: api\.example\.test, reg\.example\.test, auth\.\*\.test\)/)
})
