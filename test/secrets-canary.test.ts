// Plants a canary key, runs real authenticated requests that pass and fail with every reporter and
// traces on, then searches every artifact byte and the console for it (plain, URL-encoded, base64).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createKeyTable } from '../mocks/services/auth/key-table.js'
import { scanArtifacts } from '../src/secrets/scan-artifacts.js'
import { freePortBase } from './support/free-port-base.js'

test('no artifact and no console line carries a configured key', { timeout: 300_000 }, async () => {
  const seed = `canary-${randomBytes(6).toString('hex')}`
  const keys = createKeyTable(seed)
  const canaries = [keys.admin, keys.writer]
  const dir = mkdtempSync(join(tmpdir(), 'cw-canary-'))
  const env = {
    ...process.env, CI: '1', MOCK_PORT_BASE: String(await freePortBase()), MOCK_KEY_SEED: seed, MOCK_ENV_FILE: join(dir, '.env.mock-server'),
    MOCK_FAULTS: 'schema-drift-info,hf-token-missing', // so authenticated requests fail and render messages
    CONTRACT_REPORT_DIR: join(dir, 'reports'), PLAYWRIGHT_HTML_OUTPUT_DIR: join(dir, 'html'),
    CONTRACT_OUTPUT_DIR: join(dir, 'test-results'), CONTRACT_BLOB: join(dir, 'blob'),
  }
  const run = spawnSync('npx', ['playwright', 'test', 'specs/contract.spec.ts', '--trace', 'on', '-g', 'api › (GET|POST) /api/v1/models/\\{model_id\\}/(info|predict)'], { env, encoding: 'utf8', timeout: 280_000 })
  const console = `${run.stdout}\n${run.stderr}`
  assert.equal(run.status, 1, `the planted faults must fail the run:\n${console.slice(-2000)}`)
  assert.match(console, /passed/, 'some authenticated requests passed')
  assert.match(console, /failed/, 'some authenticated requests failed')
  assert.match(console, /authorization: Bearer \*\*\*\*/i, 'failure messages show the masked key where it was sent')
  assert.match(console, /secret scan: \d+ artifact files, no configured secret found/)
  for (const sub of ['reports', 'html', 'test-results', 'blob']) assert.ok(existsSync(join(dir, sub)) && readdirSync(join(dir, sub)).length > 0, `${sub} was written`)
  assert.ok(readdirSync(join(dir, 'test-results'), { recursive: true }).some((f) => String(f).endsWith('trace.zip')), 'traces were recorded')
  for (const canary of canaries) {
    for (const form of [canary, encodeURIComponent(canary), Buffer.from(canary).toString('base64').replace(/=+$/, '')]) {
      assert.ok(!console.includes(form), 'the console carries a key')
    }
  }
  const { files, findings } = scanArtifacts([dir], canaries.concat())
  assert.ok(files > 10, `scanned ${files} files`)
  assert.deepEqual(findings.filter((f) => !f.file.endsWith('.env.mock-server')), [])
})
