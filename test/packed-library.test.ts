// The library from another repository: `npm pack` this package, install the tarball into a fresh
// project with a contract and MSW handlers of its own, type-check it, run its generated suite
// through the `contractwright` bin (green), then break one handler (red, NO-GO naming the incident).
import assert from 'node:assert/strict'
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'

const repo = resolve('.')
const work = mkdtempSync(join(tmpdir(), 'cw-packed-'))
const consumer = join(work, 'consumer')
// base + 0..3 is the main mock platform; the consumer's single host takes base + 8
const port = String(Number(process.env.MOCK_PORT_BASE || 4010) + 8)
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }

// the consumer knows nothing of this repository's mock settings
const { MOCK_PORT_BASE: _base, MOCK_ENV_FILE: _file, MOCK_FAULTS: _faults, CONTRACT_TARGET: _target, ...cleanEnv } = process.env
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 300_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: { ...cleanEnv, CI: '1', ...env }, encoding: 'utf8', timeout })
}
const output = (r: SpawnSyncReturns<string>) => `exit ${r.status}\n${r.stdout}\n${r.stderr}`.slice(-4000)

/** `npm install` from the local cache; offline with a cold cache, unpack the same tarball and link this repository's dependencies. */
function install(tarball: string): string {
  const wanted = [tarball, `@playwright/test@${pkg.devDependencies['@playwright/test']}`, `msw@${pkg.dependencies.msw}`]
  const npm = run('npm', ['install', ...wanted, '--prefer-offline', '--no-audit', '--no-fund'], consumer, {}, 180_000)
  if (npm.status === 0) return 'npm install'
  rmSync(join(consumer, 'node_modules'), { recursive: true, force: true })
  const modules = join(consumer, 'node_modules')
  mkdirSync(join(modules, '.bin'), { recursive: true })
  run('tar', ['xzf', tarball, '-C', work], work)
  renameSync(join(work, 'package'), join(modules, 'contractwright'))
  for (const dep of [...Object.keys(pkg.dependencies), '@playwright/test']) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true })
    symlinkSync(join(repo, 'node_modules', dep), join(modules, dep))
  }
  symlinkSync('../contractwright/dist/cli/main.js', join(modules, '.bin', 'contractwright'))
  symlinkSync('../@playwright/test/cli.js', join(modules, '.bin', 'playwright'))
  chmodSync(join(modules, 'contractwright', 'dist', 'cli', 'main.js'), 0o755)
  return `unpacked and linked (npm install failed: ${npm.stderr.split('\n').find((l) => /npm error/.test(l)) ?? npm.error?.message})`
}

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'cw-consumer', private: true, type: 'module' }, null, 2),
  'playwright.config.ts': `import { defineConfig } from '@playwright/test'
import type { ContractWorkerFixtures } from 'contractwright'

export default defineConfig<{}, Pick<ContractWorkerFixtures, 'contracts'>>({
  testDir: 'specs', fullyParallel: true, workers: 2, retries: 0,
  reporter: [['line'], ['json', { outputFile: 'reports/results.json' }]],
  use: { contracts: ['contracts/tiny/openapi.yaml'] },
  webServer: { command: 'node mock/server.js', url: 'http://127.0.0.1:${port}/health', reuseExistingServer: false, timeout: 30_000 },
})
`,
  'specs/pets.spec.ts': `import { describeContract, loadContract, type Contract } from 'contractwright'

const contract: Contract = loadContract('contracts/tiny/openapi.yaml')
describeContract(contract.file)
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, allowJs: true, checkJs: true,
      skipLibCheck: true, types: ['node'], typeRoots: [join(repo, 'node_modules', '@types')],
    },
    include: ['playwright.config.ts', 'specs', 'mock'],
  }, null, 2),
}

describe('the packed library in another project', { timeout: 900_000 }, () => {
  let tarball = ''
  let installedBy = ''
  before(() => {
    // pack from a copy: prepack builds dist/ there, never in this working tree
    const source = join(work, 'source')
    mkdirSync(source)
    for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src']) cpSync(f, join(source, f), { recursive: true })
    symlinkSync(join(repo, 'node_modules'), join(source, 'node_modules'))
    const packed = run('npm', ['pack', '--pack-destination', work], source)
    assert.equal(packed.status, 0, `npm pack: ${output(packed)}`)
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? assert.fail('npm pack wrote no tarball'))
    mkdirSync(join(consumer, 'specs'), { recursive: true })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(consumer, name), text)
    cpSync('test/fixtures/tiny', join(consumer, 'contracts', 'tiny'), { recursive: true })
    cpSync('test/fixtures/packed-consumer/mock', join(consumer, 'mock'), { recursive: true })
    installedBy = install(tarball)
  })
  after(() => rmSync(work, { recursive: true, force: true }))

  it('packs compiled entry points with types, a bin, and no sources or tests', (t) => {
    t.diagnostic(`installed by ${installedBy}`)
    const list = run('tar', ['tzf', tarball], work).stdout.split('\n').filter(Boolean)
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/mocks/index.js', 'dist/mocks/index.d.ts', 'dist/cli/main.js']) assert.ok(list.includes(`package/${f}`), `${f} packed`)
    assert.deepEqual(list.filter((f) => /\.test\.|\/src\/|\.env/.test(f)), [])
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'contractwright', 'package.json'), 'utf8'))
    assert.ok(manifest.peerDependencies?.['@playwright/test'] && !manifest.dependencies?.['@playwright/test'], '@playwright/test is a peer')
  })

  it('type-checks a consumer against contractwright and contractwright/mocks', () => {
    const tsc = run(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', '.'], consumer)
    assert.equal(tsc.status, 0, `tsc: ${output(tsc)}`)
  })

  it('the bin checks the routing file', () => {
    const routing = run('npx', ['contractwright', 'routing', '--contract', 'contracts/tiny/openapi.yaml'], consumer)
    assert.equal(routing.status, 0, output(routing))
    assert.match(routing.stdout, /3 operations, every one routed to its service/)
  })

  it('runs the generated suite green against its own handlers: sign-off GO', () => {
    const green = run('npx', ['contractwright', 'signoff', '--target', 'mock'], consumer, { PETS_PORT: port })
    assert.equal(green.status, 0, output(green))
    assert.match(green.stdout, /GO: (\d+) tests, \1 passed, 0 failed, 0 not run/)
  })

  it('goes red when one handler breaks: sign-off NO-GO naming the incident', () => {
    const red = run('npx', ['contractwright', 'signoff', '--target', 'mock'], consumer, { PETS_PORT: port, PETS_BREAK: 'getPet' })
    assert.equal(red.status, 1, output(red))
    assert.match(red.stdout, /NO-GO: \d+ tests, \d+ passed, [1-9]\d* failed/)
    assert.match(red.stdout, /without a valid waiver: schema-drift ×\d+$/m)
    const md = readdirSync(join(consumer, 'reports')).filter((f) => /^signoff-mock-.*\.md$/.test(f)).sort().at(-1)!
    const page = readFileSync(join(consumer, 'reports', md), 'utf8')
    assert.match(page, /\*\*schema-drift\*\* · `pets › GET \/pets\/\{pet_id\} › 200 conforms \[rex\]`/)
    const json = readFileSync(join(consumer, 'reports', md.replace(/\.md$/, '.json')), 'utf8')
    assert.equal(JSON.parse(json).verdict, 'NO-GO')
    // the base URL is recorded, the mock's synthetic key never is
    assert.ok(page.includes(`http://127.0.0.1:${port}`) && ![page, json, red.stdout].some((t) => t.includes('cw-synthetic-pets-key-0001')))
  })
})
