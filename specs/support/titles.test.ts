import { test } from 'node:test'
import assert from 'node:assert/strict'
import { commonPathPrefix, servedDespiteRefusal } from './titles.js'

const prefixes: Array<[string, { given: string[]; want: string }]> = [
  ['shared segments', { given: ['/api/v1/models/{model_id}/info', '/api/v1/models/{model_id}/health'], want: '/api/v1/models/{model_id}/' }],
  ['a shared start inside a segment does not count', { given: ['/api/models/x', '/api/mlflow/y'], want: '/api/' }],
  ['one path is itself', { given: ['/api/v1/keys/validate'], want: '/api/v1/keys/validate' }],
  ['only the root shared', { given: ['/api/models/', '/models/'], want: '' }],
  ['a path that is a prefix of another', { given: ['/health', '/health/alb'], want: '' }],
  ['nothing', { given: [], want: '' }],
]
for (const [title, { given, want }] of prefixes) {
  test(`commonPathPrefix: ${title}`, () => assert.equal(commonPathPrefix(given), want))
}

const refusals: Array<[string, { given: [string, number]; want: boolean }]> = [
  ['402 expected, served 200', { given: ['402', 200], want: true }],
  ['503 expected, served 204', { given: ['503', 204], want: true }],
  ['403 expected, refused 403', { given: ['403', 403], want: false }],
  ['402 expected, refused otherwise (503) is not a bypass', { given: ['402', 503], want: false }],
  ['200 expected is no refusal', { given: ['200', 200], want: false }],
]
for (const [title, { given, want }] of refusals) {
  test(`servedDespiteRefusal: ${title}`, () => {
    const verdict = servedDespiteRefusal('getModelInfo', 'principal broke', ...given)
    assert.equal(verdict !== undefined, want)
    if (want) assert.match(verdict!, /^security: operation getModelInfo accepts unauthenticated requests, or skips the check that must refuse principal broke: expected \d+, got \d+$/)
  })
}
