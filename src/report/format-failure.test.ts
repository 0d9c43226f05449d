import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateCases } from '../cases/generate-cases.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { loadContract } from '../contract/load-contract.js'
import { formatFailure } from './format-failure.js'
import { toCurl } from './to-curl.js'
import { redact } from './redact.js'

const SECRET = 'cw-test-key-5a5a'
const c = generateCases(loadContract('test/fixtures/tiny/openapi.yaml')).cases.find((k) => k.id === 'getPet:positive:rex')!
const x: Exchange = {
  case: c, target: 'staging', elapsedMs: 12,
  request: { method: 'GET', url: `http://127.0.0.1:4110/pets/1?api_key=${SECRET}`, headers: { authorization: `Bearer ${SECRET}` }, body: undefined },
  response: parseResponse(200, { 'content-type': 'application/json' }, '{"id":"1","name":"Rex"}'),
}

test('a failure renders title, labelled lines, body and a masked curl (pinned)', () => {
  const text = formatFailure([{ check: 'response_schema_conformance', title: 'Response violates schema', expected: 'integer', actual: '"1" (string)', instancePath: '/id', pointer: 'test/fixtures/tiny/openapi.yaml#/components/schemas/Pet → #/properties/id/type' }],
    x, { id: 'schema-drift', summary: 'schema drift: /id expected integer, got "1" (string)' }, 'pets', [SECRET])
  assert.equal(text, [
    'pets › GET /pets/{pet_id} › 200 conforms [rex]',
    'Response violates schema',
    '',
    '  incident   schema drift: /id expected integer, got "1" (string)',
    '  status     200 application/json',
    '  answered   pets',
    '  target     staging',
    '',
    '  check      response_schema_conformance',
    '  expected   integer',
    '  actual     "1" (string)',
    '  at         /id',
    '  contract   test/fixtures/tiny/openapi.yaml#/components/schemas/Pet → #/properties/id/type',
    '',
    '  body       {"id":"1","name":"Rex"}',
    '',
    '  Reproduce:',
    "    curl -X GET 'http://127.0.0.1:4110/pets/1?api_key=****' \\",
    "    -H 'authorization: Bearer ****'",
  ].join('\n'))
  assert.ok(!text.includes(SECRET))
})

test('redaction masks every form of a secret, and key-shaped headers even when the value is unknown', () => {
  const text = `a ${SECRET} b ${encodeURIComponent('k/+=' + SECRET)} c ${Buffer.from(SECRET).toString('base64')} X-API-Key: other-unknown-key`
  const out = redact(text, [SECRET, 'k/+=' + SECRET])
  assert.ok(!out.includes(SECRET) && !out.includes(Buffer.from(SECRET).toString('base64').replace(/=+$/, '')))
  assert.match(out, /X-API-Key: \*\*\*\*/)
  assert.match(toCurl({ method: 'POST', url: 'http://h/x', headers: {}, body: `{"k":"${SECRET}"}` }, [SECRET]), /--data '\{"k":"\*\*\*\*"\}'/)
})
