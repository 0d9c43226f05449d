import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../errors.js'

/** `--contract` values, else every `contracts/<name>/openapi.yaml` under the working directory. */
export function contractFiles(given: readonly string[] | undefined, cwd = process.cwd()): string[] {
  if (given && given.length > 0) {
    const missing = given.filter((f) => !existsSync(join(cwd, f)))
    if (missing.length > 0) throw new ConfigError(`no such contract file: ${missing.join(', ')}`)
    return [...given]
  }
  const dir = join(cwd, 'contracts')
  const found = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `contracts/${d.name}/openapi.yaml`)
      .filter((f) => existsSync(join(cwd, f))).sort()
    : []
  if (found.length === 0) throw new ConfigError('no contract found: pass --contract <openapi.yaml> (repeatable) or keep contracts/<name>/openapi.yaml')
  return found
}
