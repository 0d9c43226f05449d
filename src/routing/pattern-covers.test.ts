import { test } from 'node:test'
import assert from 'node:assert/strict'
import { patternCovers } from './pattern-covers.js'

const rows: Array<[string, { broad: string; narrow: string; want: boolean; ci?: boolean }]> = [
  ['/api* covers /api/mlflow/*', { broad: '/api*', narrow: '/api/mlflow/*', want: true }],
  ['/api/mlflow/* does not cover /api*', { broad: '/api/mlflow/*', narrow: '/api*', want: false }],
  ['/api/* covers /api/v1/*', { broad: '/api/*', narrow: '/api/v1/*', want: true }],
  ['/api/* does not cover /api*', { broad: '/api/*', narrow: '/api*', want: false }],
  ['? does not cover *', { broad: '/api/?', narrow: '/api/*', want: false }],
  ['* covers ?', { broad: '/api/*', narrow: '/api/?', want: true }],
  ['a pattern covers itself', { broad: '/mlflow', narrow: '/mlflow', want: true }],
  ['literal differs', { broad: '/mlflow', narrow: '/mlflow/', want: false }],
  ['case-sensitive by default', { broad: '/API*', narrow: '/api/x', want: false }],
  ['case-insensitive for hosts', { broad: 'Auth.Example', narrow: 'auth.example', want: true, ci: true }],
]

for (const [title, { broad, narrow, want, ci }] of rows) {
  test(`patternCovers: ${title}`, () => {
    assert.equal(patternCovers(broad, narrow, ci), want)
  })
}
