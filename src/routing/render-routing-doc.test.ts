import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseRoutingFile } from './rule-set.js'
import { renderRoutingDoc, type RoutingDocPlatform } from './render-routing-doc.js'

const routing = parseRoutingFile(`hosts: { api: api.example.test }
default: good
rule-sets:
  good:
    description: the healthy rules
    source: a test
    listeners:
      - name: main
        hosts: [api.example.test]
        rules:
          - { priority: 85, paths: ['/api/mlflow/*'], target: api }
          - { priority: 100, paths: ['/api*'], target: api }
        default: { fixed-response: { status: 404, content-type: text/plain, body: Not Found } }
  broad-first:
    description: broad rule first
    source: a test
    listeners:
      - name: main
        hosts: [api.example.test]
        rules:
          - { priority: 100, paths: ['/api*'], target: api }
          - { priority: 105, paths: ['/api/mlflow/*'], target: api }
        default: { fixed-response: { status: 404, content-type: text/plain, body: Not Found } }
`, 'fixture.yaml')

const platform: RoutingDocPlatform = {
  name: 'demo',
  routing,
  operations: [
    { operationId: 'searchRuns', method: 'POST', path: '/api/mlflow/api/2.0/mlflow/runs/search', service: 'mlflow', via: 'api', hosts: ['api'] },
    { operationId: 'getInfo', method: 'GET', path: '/api/v1/models/{model_id}/info', service: 'api', hosts: ['api'] },
  ],
}

test('renderRoutingDoc: one row per rule and default, with the operations each serves', () => {
  const doc = renderRoutingDoc([platform], 'npm run docs')
  assert.match(doc, /\| api\.example\.test \| main \| 85 \| `\/api\/mlflow\/\*` \| api \| 1: searchRuns \|/)
  assert.match(doc, /\| api\.example\.test \| main \| 100 \| `\/api\*` \| api \| 1: getInfo \|/)
  assert.match(doc, /\| api\.example\.test \| main \| default \| \(no rule matched\) \| fixed 404 text\/plain \| 0 \|/)
  assert.match(doc, /Regenerate: `npm run docs`/)
})

test('renderRoutingDoc: the default rule set comes first and findings of the others are listed', () => {
  const doc = renderRoutingDoc([platform], 'x')
  assert.ok(doc.indexOf('### demo › good (default)') < doc.indexOf('### demo › broad-first'))
  assert.match(doc, /- rule 100 \(\/api\*\) shadows rule 105 \(\/api\/mlflow\/\*\) for POST \/api\/mlflow\/api\/2\.0\/mlflow\/runs\/search on api\.example\.test \(searchRuns\)/)
  assert.match(doc, /\| demo \| \[broad-first\]\(#demo-broad-first\) \| 1 \|/)
})

test('renderRoutingDoc: output does not depend on input order', () => {
  const other = { ...platform, name: 'alpha', operations: [...platform.operations].reverse() }
  assert.equal(renderRoutingDoc([platform, other], 'x'), renderRoutingDoc([other, { ...platform, operations: [...platform.operations].reverse() }], 'x'))
})
