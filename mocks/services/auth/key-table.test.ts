import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createKeyTable, principalOfKey } from './key-table.js'
import { principalNames } from './principals.js'

test('one synthetic key per principal, named after it', () => {
  const keys = createKeyTable('seed')
  assert.deepEqual(Object.keys(keys), [...principalNames])
  for (const name of principalNames) assert.match(keys[name], new RegExp(`^cw-mock-${name}-[0-9a-f]{8}$`))
  assert.equal(new Set(Object.values(keys)).size, principalNames.length)
})

test('a seed reproduces the table; no seed gives fresh keys', () => {
  assert.deepEqual(createKeyTable('seed'), createKeyTable('seed'))
  assert.notDeepEqual(createKeyTable(), createKeyTable())
})

test('principalOfKey finds the owner, or nothing', () => {
  const keys = createKeyTable('seed')
  assert.equal(principalOfKey(keys, keys.writer), 'writer')
  assert.equal(principalOfKey(keys, 'cw-mock-writer-ffffffff'), undefined)
})
