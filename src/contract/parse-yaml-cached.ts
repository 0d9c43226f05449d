import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

// Parsing YAML costs ~50x more than JSON; every Playwright worker (and every restart after a failure)
// loads the contract, so the parsed form is kept by content hash. The cache is only an optimisation:
// any problem with it falls back to parsing.
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'contractwright')

export function parseYamlCached(text: string): unknown {
  const file = join(CACHE_DIR, `${createHash('sha1').update(text).digest('hex')}.json`)
  try {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    // unreadable cache entry: parse again below
  }
  const doc: unknown = parse(text, { prettyErrors: true, uniqueKeys: true })
  try {
    mkdirSync(CACHE_DIR, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(doc))
    renameSync(temporary, file) // atomic: parallel workers never read half an entry
  } catch {
    // read-only or missing node_modules: no cache
  }
  return doc
}
