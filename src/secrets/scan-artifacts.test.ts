import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { scanArtifacts } from './scan-artifacts.js'

const SECRET = 'cw-canary-key/with+odd=chars'

/** A one-entry deflated zip, built by hand: enough to prove archives are opened. */
function zip(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content))
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(8, 8); local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(0, 42)
  const body = Buffer.concat([local, Buffer.from(name), data])
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 10); end.writeUInt32LE(body.length, 16)
  return Buffer.concat([body, central, Buffer.from(name), end])
}

test('finds a secret in plain, URL-encoded and base64 form, inside zips and the HTML report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-scan-'))
  mkdirSync(join(dir, 'a'))
  writeFileSync(join(dir, 'a/plain.txt'), `Authorization: Bearer ${SECRET}`)
  writeFileSync(join(dir, 'url.xml'), `<t>GET /x?api_key=${encodeURIComponent(SECRET)}</t>`)
  writeFileSync(join(dir, 'b64.json'), JSON.stringify({ h: Buffer.from(SECRET).toString('base64') }))
  writeFileSync(join(dir, 'trace.zip'), zip('0-trace.network', `{"headers":{"x-api-key":"${SECRET}"}}`))
  writeFileSync(join(dir, 'index.html'), `<script>window.r="data:application/zip;base64,${zip('t.json', SECRET).toString('base64')}"</script>`)
  writeFileSync(join(dir, 'clean.txt'), 'Authorization: Bearer ****')
  const { findings } = scanArtifacts([dir], [SECRET])
  const where = findings.map((f) => `${f.file.slice(dir.length + 1)} ${f.form}`).sort()
  assert.deepEqual(where, ['a/plain.txt plain', 'b64.json base64', 'index.html!embedded.zip!t.json plain', 'trace.zip!0-trace.network plain', 'url.xml url-encoded'])
})

test('short values are not treated as secrets (they would match ordinary text)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-scan-'))
  writeFileSync(join(dir, 'x.txt'), 'abc')
  assert.deepEqual(scanArtifacts([dir], ['abc']).findings, [])
})
