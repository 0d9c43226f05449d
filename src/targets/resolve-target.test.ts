import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'
import { readTargetFiles, resolveTarget, secretValues } from './resolve-target.js'

const pets = loadContract('test/fixtures/tiny/openapi.yaml') // PETS_URL (host pets), PETS_API_KEY (secret)

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-target-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

test('process env beats .env.<target>, which beats .env; keys are secrets, URLs base URLs', () => {
  const dir = dirWith({ '.env.staging': 'PETS_URL=https://staging.example/\nPETS_API_KEY=cw-file-key\n', '.env': 'PETS_URL=https://fallback.example\n' })
  const t = resolveTarget([pets], { CONTRACT_TARGET: 'staging', PETS_API_KEY: 'cw-env-key' }, dir)
  assert.equal(t.baseUrls.pets, 'https://staging.example')
  assert.equal(t.credentials.user, 'cw-env-key')
  assert.deepEqual(t.secrets.sort(), ['cw-env-key', 'cw-file-key'])
  assert.deepEqual(t.files, ['.env.staging', '.env'])
  assert.equal(t.readOnly, false)
})

test('every missing variable is listed at once, with the file to put it in', () => {
  const dir = dirWith({ '.env.staging': 'PETS_URL=https://staging.example\n' })
  assert.throws(() => resolveTarget([pets], { CONTRACT_TARGET: 'staging' }, dir), (e: unknown) => {
    assert.ok(e instanceof ConfigError)
    assert.deepEqual(e.missing, ['PETS_API_KEY'])
    assert.match(e.message, /^contractwright: target "staging" is missing 1 variable\. Add it to \.env\.staging \(see \.env\.example\):\n  PETS_API_KEY  a key for the pets API \(secret\)$/)
    return true
  })
})

test('a malformed URL is named with its variable', () => {
  const dir = dirWith({ '.env.staging': 'PETS_URL=staging.example\nPETS_API_KEY=cw-k-1234\n' })
  assert.throws(() => resolveTarget([pets], { CONTRACT_TARGET: 'staging' }, dir), /PETS_URL=staging\.example  must be an http\(s\) URL/)
})

test('a contract none of whose variables is set is left out of the target, not an error', () => {
  const dir = dirWith({ '.env.staging': 'PETS_URL=https://staging.example\nPETS_API_KEY=cw-k-1234\n' })
  const gatewayz = loadContract('contracts/gatewayz/openapi.yaml')
  const t = resolveTarget([pets, gatewayz], { CONTRACT_TARGET: 'staging' }, dir)
  assert.deepEqual(t.unconfigured, [gatewayz.title])
  assert.throws(() => resolveTarget([pets], { CONTRACT_TARGET: 'empty' }, dir), /target "empty" configures no contract/)
})

test('production is read-only unless mutations are allowed explicitly', () => {
  const env = { CONTRACT_TARGET: 'production', PETS_URL: 'https://p.example', PETS_API_KEY: 'cw-k-1234' }
  assert.equal(resolveTarget([pets], env, dirWith({})).readOnly, true)
  assert.equal(resolveTarget([pets], { ...env, CONTRACT_ALLOW_MUTATIONS: '1' }, dirWith({})).allowMutations, true)
  assert.equal(resolveTarget([pets], { ...env, CONTRACT_TARGET: 'staging', CONTRACT_READONLY: '1' }, dirWith({})).readOnly, true)
})

test('the mock target offers the principals its env file names as credentials mock:<name>, masked; a live target does not', () => {
  const dir = dirWith({
    '.env.mock-server': 'PETS_URL=http://127.0.0.1:4010\nPETS_API_KEY=cw-mock-key\nMOCK_KEY_ADMIN=cw-admin-key\nMOCK_KEY_DEBIT_REJECT=cw-debit-key\n',
    '.env.staging': 'PETS_URL=https://staging.example\nPETS_API_KEY=cw-staging-key\nMOCK_KEY_ADMIN=cw-leaked-admin\n',
  })
  const mock = resolveTarget([pets], {}, dir)
  assert.equal(mock.credentials['mock:admin'], 'cw-admin-key')
  assert.equal(mock.credentials['mock:debit-reject'], 'cw-debit-key')
  assert.equal(mock.credentials.user, 'cw-mock-key')
  assert.deepEqual(mock.secrets.sort(), ['cw-admin-key', 'cw-debit-key', 'cw-mock-key'])
  // the secret scan of the artifacts reads the same files and looks for the principals' keys too
  assert.deepEqual(secretValues(readTargetFiles({}, dir).values, {}).sort(), ['cw-admin-key', 'cw-debit-key', 'cw-mock-key'])
  const staging = resolveTarget([pets], { CONTRACT_TARGET: 'staging' }, dir)
  assert.equal(staging.credentials['mock:admin'], undefined)
  assert.ok(staging.secrets.includes('cw-leaked-admin'), 'a key by its name is masked on any target')
})
