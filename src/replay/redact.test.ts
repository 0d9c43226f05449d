import { test } from 'node:test'
import assert from 'node:assert/strict'
import { REDACTED, redactHeaders, redactUrl, redactValue } from './redact.js'

test('redact › credential headers: Authorization, X-API-Key, Cookie, anything named like key/token/secret', () => {
  const out = redactHeaders([['Authorization', 'Bearer a'], ['X-API-Key', 'k'], ['cookie', 'c'], ['X-Session-Token', 't'], ['Accept', 'application/json']])
  assert.deepEqual(out.map(([, v]) => v), [REDACTED, REDACTED, REDACTED, REDACTED, 'application/json'])
})

test('redact › query values named like credentials and user:password@ in URLs; other paths stay as sent', () => {
  assert.equal(redactUrl('/x?api_key=abc&name=a%20b'), `/x?api_key=${encodeURIComponent(REDACTED)}&name=a+b`)
  assert.equal(redactUrl('/x?name=a%20b'), '/x?name=a%20b')
  assert.doesNotMatch(redactUrl('http://u:pw@h/x?token=t'), /pw|token=t/)
})

test('redact › JSON fields named like credentials, also inside JSON text; MLflow tag keys stay', () => {
  assert.deepEqual(redactValue({ key: 'team', value: 'ml', api_key: 'k', nested: { access_token: 't', password: 'p' } }),
    { key: 'team', value: 'ml', api_key: REDACTED, nested: { access_token: REDACTED, password: REDACTED } })
  assert.equal(redactValue('{"client_secret":"s"}'), `{"client_secret":"${REDACTED}"}`)
})
