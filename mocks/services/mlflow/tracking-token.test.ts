import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { MockService } from '../../../src/mocks/service.js'
import { withTrackingToken } from './tracking-token.js'

// Records what reaches MLflow, so the test sees which credential the gateway would judge
function recorder(): MockService & { seen: Request[] } {
  const seen: Request[] = []
  return { name: 'mlflow', seen, handle: async (request) => (seen.push(request), new Response('{}')) }
}

test('tracking token › a keyless request (the API’s own MLflow client) gets the token as Bearer', async () => {
  const mlflow = recorder()
  await withTrackingToken(mlflow, 'cw-token').handle(new Request('http://mlflow.test/api/2.0/mlflow/registered-models/search'))
  assert.equal(mlflow.seen[0]!.headers.get('authorization'), 'Bearer cw-token')
})

test('tracking token › a request with any key material keeps it untouched, so the gateway judges the caller', async () => {
  const rows: [string, RequestInit, string][] = [
    ['Authorization', { headers: { authorization: 'Bearer caller' } }, ''],
    ['X-API-Key', { headers: { 'x-api-key': 'caller' } }, ''],
    ['api_key query (refused by the gateway later)', {}, '?api_key=caller'],
  ]
  for (const [title, init, query] of rows) {
    const mlflow = recorder()
    await withTrackingToken(mlflow, 'cw-token').handle(new Request(`http://mlflow.test/api/2.0/mlflow/experiments/search${query}`, init))
    assert.notEqual(mlflow.seen[0]!.headers.get('authorization'), 'Bearer cw-token', title)
  }
})
