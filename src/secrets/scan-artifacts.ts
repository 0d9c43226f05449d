import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readZip } from './read-zip.js'

export interface SecretFinding {
  file: string // path, and '!entry' inside an archive
  form: 'plain' | 'url-encoded' | 'base64'
  secretIndex: number // which secret (never the value itself)
}

const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g

/** Every artifact byte under `roots`, archives and the HTML report's embedded zip opened, searched for each secret's forms. */
export function scanArtifacts(roots: readonly string[], secrets: readonly string[]): { files: number; findings: SecretFinding[] } {
  const needles = secrets.filter((s) => s.length >= 4).flatMap((s, secretIndex) => [
    { secretIndex, form: 'plain' as const, bytes: Buffer.from(s) },
    { secretIndex, form: 'url-encoded' as const, bytes: Buffer.from(encodeURIComponent(s)) },
    { secretIndex, form: 'base64' as const, bytes: Buffer.from(Buffer.from(s).toString('base64').replace(/=+$/, '')) },
  ]).filter((n, i, all) => n.form === 'plain' || !all.some((m, j) => j < i && m.secretIndex === n.secretIndex && m.bytes.equals(n.bytes)))
  const findings: SecretFinding[] = []
  let files = 0
  const scan = (name: string, data: Buffer, depth: number): void => {
    files++
    for (const n of needles) if (data.includes(n.bytes)) findings.push({ file: name, form: n.form, secretIndex: n.secretIndex })
    if (depth > 2) return
    if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) for (const e of readZip(data)) scan(`${name}!${e.name}`, e.data, depth + 1)
    if (/\.html?$/.test(name)) {
      for (const m of data.toString('latin1').matchAll(EMBEDDED_ZIP)) scan(`${name}!embedded.zip`, Buffer.from(m[1]!, 'base64'), depth + 1)
    }
  }
  for (const root of roots) for (const file of walk(root)) scan(file, readFileSync(file), 0)
  return { files, findings }
}

function* walk(path: string): Generator<string> {
  if (!existsSync(path)) return
  if (statSync(path).isFile()) {
    yield path
    return
  }
  for (const entry of readdirSync(path)) yield* walk(join(path, entry))
}
