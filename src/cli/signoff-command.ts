import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'
import { redact } from '../report/redact.js'
import { buildSignoff } from '../signoff/build-signoff.js'
import { renderSignoffMarkdown } from '../signoff/render-signoff-markdown.js'
import type { JsonReport } from '../signoff/test-outcome.js'
import { parseWaivers } from '../signoff/waiver.js'
import { contractFiles } from './contract-files.js'
import { gitCommit } from './git-commit.js'
import { signoffContract } from './signoff-contracts.js'
import { targetBaseUrls } from './target-base-urls.js'

export const SIGNOFF_USAGE = `contractwright signoff --target <name> [options] [-- <playwright test args>]

Runs the suite against the target (npx playwright test, CONTRACT_TARGET=<name>) and writes
<out>/signoff-<target>-<UTC timestamp>.md and .json. Exit code: 0 GO, 1 NO-GO, 2 usage error.

  --target <name>      mock, staging, production ... (required)
  --from-results       do not run: read the last run's JSON results
  --results <file>     JSON results to write and read (default reports/results.json)
  --contract <file>    a contract the suite ran (repeatable; default contracts/*/openapi.yaml)
  --waivers <file>     accepted deviations (default signoff-waivers.yaml when present)
  --out <dir>          where to write the sign-off (default reports)`

/** `contractwright signoff`: a shell around the pure buildSignoff; returns the exit code. */
export function signoffCommand(argv: string[], env: NodeJS.ProcessEnv): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      target: { type: 'string' }, 'from-results': { type: 'boolean' }, results: { type: 'string' },
      contract: { type: 'string', multiple: true }, waivers: { type: 'string' }, out: { type: 'string' },
    },
  })
  const target = values.target
  if (!target) throw new ConfigError(`--target <name> is required\n\n${SIGNOFF_USAGE}`)
  if (values['from-results'] && positionals.length > 0) throw new ConfigError(`--from-results runs nothing; drop the Playwright arguments: ${positionals.join(' ')}`)
  const results = values.results ?? 'reports/results.json'
  const runEnv: NodeJS.ProcessEnv = { ...env, CONTRACT_TARGET: target }
  const waiversFile = values.waivers ?? (existsSync('signoff-waivers.yaml') ? 'signoff-waivers.yaml' : undefined)
  if (waiversFile && !existsSync(waiversFile)) throw new ConfigError(`no such waivers file: ${waiversFile}`)
  // Validate inputs before a run of several minutes, not after.
  const waivers = waiversFile ? parseWaivers(readFileSync(waiversFile, 'utf8'), waiversFile) : []
  const contracts = contractFiles(values.contract).map((f) => loadContract(f))

  if (!values['from-results']) {
    rmSync(results, { force: true }) // never sign off a previous run's results
    console.log(`contractwright signoff: running the suite against "${target}"`)
    const run = spawnSync('npx', ['playwright', 'test', ...positionals], {
      stdio: 'inherit', env: { ...runEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: resolve(results) },
    })
    if (run.error) throw new ConfigError(`cannot start npx playwright test: ${run.error.message}`)
  }
  if (!existsSync(results)) {
    throw new ConfigError(values['from-results']
      ? `no results at ${results}: run the suite first, or pass --results <file>`
      : `the run wrote no JSON results at ${results}: add ['json', { outputFile: '${results}' }] to the reporters in playwright.config.ts`)
  }
  const report = JSON.parse(readFileSync(results, 'utf8')) as JsonReport
  // contractwright's own playwright.config.ts gives each MOCK_PORT_BASE its own mock env file
  const perPort = `.env.mock-server-${env.MOCK_PORT_BASE}`
  const urlEnv = target === 'mock' && env.MOCK_PORT_BASE && !env.MOCK_ENV_FILE && existsSync(perPort) ? { ...runEnv, MOCK_ENV_FILE: perPort } : runEnv
  const { baseUrls, secrets } = targetBaseUrls(contracts, urlEnv)
  const now = new Date()
  const signoff = buildSignoff({
    target: { name: target, baseUrls }, commit: gitCommit(env), contracts: contracts.map(signoffContract),
    report, results, waivers, now,
  })
  const out = values.out ?? 'reports'
  mkdirSync(out, { recursive: true })
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const base = join(out, `signoff-${target.replace(/[^\w.-]+/g, '-')}-${stamp}`)
  writeFileSync(`${base}.md`, redact(renderSignoffMarkdown(signoff), secrets))
  writeFileSync(`${base}.json`, redact(`${JSON.stringify(signoff, null, 2)}\n`, secrets))
  console.log(`contractwright signoff: ${signoff.summary}`)
  for (const reason of signoff.reasons) console.log(`  - ${reason}`)
  console.log(`contractwright signoff: wrote ${base}.md and ${base}.json`)
  return signoff.verdict === 'GO' ? 0 : 1
}
