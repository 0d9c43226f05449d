import assert from 'node:assert/strict'
import { test } from 'node:test'
import { contractFor } from '../../src/playwright/contract-runtime.js'
import { describeBody, toAnswer } from './page.js'
import { limitBounds } from './page-limit.js'

test('catalog page › a 200 envelope becomes a page; anything else a short description', () => {
  const body = { data: [{ id: 'a' }, { id: 'b' }], total: 3, returned: 2, offset: 0, has_more: true, next_offset: 2, gateway: 'hug' }
  assert.deepEqual(toAnswer(200, {}, body, '').page, { ids: ['a', 'b'], total: 3, returned: 2, offset: 0, has_more: true, next_offset: 2, gateway: 'hug', sources: ['', ''] })
  assert.deepEqual(toAnswer(404, {}, { detail: 'Not Found' }, ''), { status: 404, retryAfterS: undefined, detail: '{"detail":"Not Found"}' })
  assert.equal(toAnswer(429, { 'retry-after': '60' }, {}, '').retryAfterS, 60)
  assert.equal(toAnswer(200, {}, { detail: 'x' }, '').page, undefined)
  assert.equal(describeBody({ error: { code: 'INVALID_PARAMETER_TYPE' } }, ''), 'INVALID_PARAMETER_TYPE')
  assert.equal(describeBody(undefined, '<html>Bad Gateway</html>'), '<html>Bad Gateway</html>')
})

test('catalog page › the walk pages by the maximum the contract documents for limit', () => {
  assert.deepEqual(limitBounds(contractFor('contracts/gatewayz/openapi.yaml'), 'getModels'), { min: 1, max: 1000 })
  assert.throws(() => limitBounds(contractFor('contracts/gatewayz/openapi.yaml'), 'getHealth'), /no query parameter "limit" on getHealth/)
})
