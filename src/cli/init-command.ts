import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Contract } from '../contract/contract.js'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'

export const INIT_USAGE = `contractwright init --spec <file|url> [--dir <folder>] [--tests <folder>] [--force]

Sets up a Playwright project that tests every operation of an OpenAPI document (3.0, 3.1 or
Swagger 2.0, JSON or YAML, a file or an http(s) URL): playwright.config.ts, one spec file, and
.env.example with the variables of this document (base URL, one credential per security scheme).

  --spec <file|url>   the OpenAPI document (required)
  --dir <folder>      the project folder (default: the current folder)
  --tests <folder>    where the spec file goes (default: tests)
  --force             replace an existing playwright.config.ts or spec file`

interface Planned { path: string; text: string; merge?: (existing: string) => string | undefined }

/** `contractwright init`: writes the files, prints what it wrote and the next two commands; returns the exit code. */
export function initCommand(argv: string[], cwd = process.cwd()): number {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    spec: { type: 'string' }, dir: { type: 'string' }, tests: { type: 'string' }, force: { type: 'boolean' },
  } })
  if (!values.spec) throw new ConfigError('init needs --spec <file|url>: the OpenAPI document to test')
  const dir = resolve(cwd, values.dir ?? '.')
  const specFromCwd = /^https?:\/\//i.test(values.spec) ? values.spec : resolve(cwd, values.spec)
  const contract = loadContract(specFromCwd) // one line naming the file and pointer when the document is broken
  const spec = /^https?:\/\//i.test(specFromCwd) ? specFromCwd : portable(relative(dir, specFromCwd))
  const testsDir = values.tests ?? 'tests'
  const planned: Planned[] = [
    { path: 'playwright.config.ts', text: configFile(spec, testsDir) },
    { path: join(testsDir, 'api.spec.ts'), text: specFile(spec) },
    { path: '.env.example', text: envExample(contract), merge: (existing) => mergeEnv(existing, envExample(contract)) },
  ]
  const refused = planned.filter((p) => !p.merge && existsSync(join(dir, p.path)) && readFileSync(join(dir, p.path), 'utf8') !== p.text)
  if (refused.length > 0 && !values.force) {
    // nothing is written when anything is refused: no half-made project
    throw new ConfigError(`${refused.map((p) => p.path).join(' and ')} already exist${refused.length > 1 ? '' : 's'}; run again with --force to replace ${refused.length > 1 ? 'them' : 'it'}, or add \`contracts: ['${spec}']\` to \`use\` in your playwright.config.ts and \`describeContract('${spec}')\` to a spec file`)
  }
  const written: string[] = []
  for (const p of planned) {
    const target = join(dir, p.path)
    mkdirSync(dirname(target), { recursive: true })
    if (existsSync(target) && readFileSync(target, 'utf8') === p.text) continue
    if (p.merge && existsSync(target)) {
      const added = p.merge(readFileSync(target, 'utf8'))
      if (added) { appendFileSync(target, added); written.push(`${p.path} (added the missing variables)`) }
      continue
    }
    writeFileSync(target, p.text)
    written.push(p.path)
  }
  const schemes = Object.keys(contract.securitySchemes).length
  console.log(`contractwright: "${contract.title}" (OpenAPI ${contract.openapiVersion}, ${contract.operations.length} operations, ${schemes} security scheme${schemes === 1 ? '' : 's'})`)
  console.log(`wrote ${written.length > 0 ? written.join(', ') : 'nothing (every file was already up to date)'}`)
  const fromCwd = portable(relative(cwd, dir))
  const cd = dir === resolve(cwd) ? '' : `cd ${fromCwd.startsWith('..') ? dir : fromCwd} && `
  const next = [
    [`${cd}npx playwright test`, 'against a mock generated from the document'],
    [`${cd}CONTRACT_BASE_URL=<your API's URL> npx playwright test`, 'against your server (credentials: cp .env.example .env)'],
  ]
  const width = Math.max(...next.map(([command]) => command!.length))
  console.log(`\nNext:\n${next.map(([command, why]) => `  ${command!.padEnd(width)}   # ${why}`).join('\n')}`)
  return 0
}

function configFile(spec: string, testsDir: string): string {
  return `import { defineConfig } from 'contractwright/config'

// contractwright's defaults (reports, operation coverage, secret scan, no traces) under yours.
// Target: CONTRACT_BASE_URL (or .env) for a live server; without it, a mock generated from the document.
export default defineConfig({
  testDir: '${testsDir}',
  use: { contracts: ['${spec}'] },
})
`
}

function specFile(spec: string): string {
  return `import { describeContract } from 'contractwright'

// Tests for every operation, generated when Playwright collects them (run from the project folder).
describeContract('${spec}')
`
}

function envExample(contract: Contract): string {
  const lines = ['# contractwright: copy to .env (or .env.<target> for CONTRACT_TARGET=<target>) and fill in.', '# Never commit the filled-in file.', '']
  for (const v of contract.variables) {
    lines.push(`# ${v.description}${v.serverDefault ? ` (default: the document's server ${v.serverDefault})` : ''}`)
    lines.push(`${v.name}=`)
  }
  lines.push('', '# Generated cases: CONTRACT_SEED=<n> replays a run exactly; CONTRACT_RUNS=<n> inputs per operation.')
  return `${lines.join('\n')}\n`
}

/** The variables .env.example lacks, as lines to append (undefined when it has them all). */
function mergeEnv(existing: string, wanted: string): string | undefined {
  const has = new Set(existing.split('\n').map((l) => /^([A-Z0-9_]+)=/.exec(l)?.[1]).filter(Boolean))
  const blocks = wanted.split('\n').reduce<string[][]>((acc, line) => {
    if (line.startsWith('# ') && !/^# (contractwright|Never|Generated)/.test(line)) acc.push([line])
    else if (/^[A-Z0-9_]+=/.test(line)) acc.at(-1)?.push(line)
    return acc
  }, [])
  const missing = blocks.filter((b) => b.length === 2 && !has.has(b[1]!.split('=')[0]))
  if (missing.length === 0) return undefined
  return `${existing.endsWith('\n') ? '' : '\n'}\n${missing.map((b) => b.join('\n')).join('\n')}\n`
}

const portable = (p: string) => p.split('\\').join('/')
