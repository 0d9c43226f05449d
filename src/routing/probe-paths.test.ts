import { test } from 'node:test'
import assert from 'node:assert/strict'
import { probePaths } from './probe-paths.js'
import { describeRule } from './describe-rule.js'

const rows: Array<[string, { template: string; want: string[] }]> = [
  ['no parameters', { template: '/api/v1/outcomes', want: ['/api/v1/outcomes'] }],
  ['each parameter becomes one segment', { template: '/api/models/{model_name}/{version}', want: ['/api/models/x1/x1'] }],
  ['a path parameter may hold slashes', { template: '/api/mlflow/{path}', want: ['/api/mlflow/x1', '/api/mlflow/x1/x2'] }],
]

for (const [title, { template, want }] of rows) {
  test(`probePaths: ${title}`, () => assert.deepEqual(probePaths(template), want))
}

test('describeRule: host and path conditions, values of one condition OR-ed', () => {
  assert.equal(describeRule({ priority: 80, hosts: ['auth.example.test'], paths: ['/api/*'], target: 'api' }), 'rule 80 (auth.example.test + /api/*)')
  assert.equal(describeRule({ priority: 95, paths: ['/api/v1/*', '/api/health'], target: 'api' }), 'rule 95 (/api/v1/*, /api/health)')
})
