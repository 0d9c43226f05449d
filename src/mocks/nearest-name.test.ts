import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nearestName } from './nearest-name.js'

const rows: [string, { given: [string, string[]]; want: string | undefined }][] = [
  ['one typo', { given: ['mlfow-down', ['mlflow-down', 'auth-service-down']], want: 'mlflow-down' }],
  ['closest of several', { given: ['mlflow-dwn', ['mlflow-down', 'auth-service-down', 'auth-bypass']], want: 'mlflow-down' }],
  ['all words contained beats edit distance', { given: ['auth-down', ['mlflow-down', 'auth-service-down']], want: 'auth-service-down' }],
  ['nothing close', { given: ['zzzzzzzz', ['mlflow-down']], want: undefined }],
  ['no candidates', { given: ['x', []], want: undefined }],
]
for (const [title, { given, want }] of rows) test(title, () => assert.equal(nearestName(...given), want))
