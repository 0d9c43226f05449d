import { test } from 'node:test'
import assert from 'node:assert/strict'
import { principalCredentials, principalKeys } from './mock-principals.js'

const rows: Array<[string, { given: Record<string, string | undefined>; want: Record<string, string> }]> = [
  ['one principal', { given: { MOCK_KEY_ADMIN: 'cw-mock-admin-1' }, want: { admin: 'cw-mock-admin-1' } }],
  ['underscores become dashes', { given: { MOCK_KEY_DEBIT_REJECT: 'k1', MOCK_KEY_NO_KEYID: 'k2' }, want: { 'debit-reject': 'k1', 'no-keyid': 'k2' } }],
  ['contract variables are not principals', { given: { HOKUSAI_API_KEY: 'k', MOCK_FAULTS: '', MOCK_KEY_BROKE: 'k3' }, want: { broke: 'k3' } }],
  ['empty and unset values are skipped', { given: { MOCK_KEY_READER: '', MOCK_KEY_WRITER: undefined }, want: {} }],
  ['lower-case names are not the mock\'s', { given: { mock_key_admin: 'k' }, want: {} }],
]

for (const [title, { given, want }] of rows) {
  test(`principalKeys: ${title}`, () => assert.deepEqual(principalKeys(given), want))
}

test('principalCredentials: each principal becomes the credential mock:<principal>', () => {
  assert.deepEqual(principalCredentials({ MOCK_KEY_ADMIN: 'k1', MOCK_KEY_DEBIT_REJECT: 'k2', HOKUSAI_API_KEY: 'k3' }), { 'mock:admin': 'k1', 'mock:debit-reject': 'k2' })
})
