import { readFileSync } from 'node:fs'
import { cpus, totalmem, release, platform } from 'node:os'
import { join } from 'node:path'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  packages: Record<string, string>
}

const MEASURED = ['@playwright/test', 'msw', 'ajv', 'yaml', 'typescript', 'tsx', '@stoplight/prism-cli', 'autocannon']

/** What the figures were measured on: they mean nothing without it. */
export function describeMachine(root: string): Machine {
  const versionOf = (name: string) => {
    for (const modules of [join(root, 'node_modules'), join(root, 'bench', 'tools', 'node_modules')]) {
      try {
        return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version as string
      } catch {
        // not installed there; try the next
      }
    }
    return 'not installed'
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    packages: Object.fromEntries(MEASURED.map((name) => [name, versionOf(name)])),
  }
}
