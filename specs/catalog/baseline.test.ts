import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError } from '../../src/errors.js'
import { readBaselines, writeBaseline } from './baseline.js'

test('catalog baseline › written per target, other targets kept, read back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-baseline-'))
  try {
    const file = join(dir, 'catalog-baseline.json')
    assert.deepEqual(readBaselines(file), {})
    writeBaseline(file, 'production', { openrouter: 340, huggingface: 1204 }, new Date('2026-12-07T01:00:00Z'))
    writeBaseline(file, 'mock', { huggingface: 1204 }, new Date('2026-12-08T01:00:00Z'))
    const read = readBaselines(file)
    assert.deepEqual(read.production, { recorded: '2026-12-07', gateways: { huggingface: 1204, openrouter: 340 } })
    assert.deepEqual(Object.keys(read), ['mock', 'production'])
    assert.match(readFileSync(file, 'utf8'), /"about": "Per-gateway model counts/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('catalog baseline › a malformed file names the file and every bad pointer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-baseline-'))
  try {
    const file = join(dir, 'catalog-baseline.json')
    writeFileSync(file, JSON.stringify({ targets: { mock: { recorded: 1, gateways: { hug: -1, openrouter: 'many' } } } }))
    assert.throws(() => readBaselines(file), (e: unknown) => e instanceof ConfigError
      && e.message.includes(`${file} is invalid`) && e.message.includes('/targets/mock/recorded') && e.message.includes('/targets/mock/gateways/hug') && e.message.includes('/targets/mock/gateways/openrouter'))
    writeFileSync(file, '{')
    assert.throws(() => readBaselines(file), /catalog-baseline.json: not JSON/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
