import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadFixedResponses } from './load-fixed-responses.js'

test('the load balancer pages come from the routing.yaml beside the contract, once each', () => {
  assert.deepEqual(loadFixedResponses('contracts/hokusai/openapi.yaml'), [{ status: 404, contentType: 'text/plain', body: 'Not Found' }])
  assert.deepEqual(loadFixedResponses('test/fixtures/tiny/openapi.yaml'), [{ status: 404, contentType: 'text/plain', body: 'Not Found' }])
  assert.deepEqual(loadFixedResponses('contracts/gatewayz/openapi.yaml'), []) // its listener forwards by default
})
