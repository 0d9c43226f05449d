// The library from another repository: `npm pack` this package, install the tarball into a fresh
// project with a contract and MSW handlers of its own, type-check it, run its generated suite
// through the `contractwright` bin (green), then break one handler (red, NO-GO naming the incident).
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { install, output, pack, run } from './support/packed.js'

const repo = resolve('.')
const work = mkdtempSync(join(tmpdir(), 'cw-packed-'))
const consumer = join(work, 'consumer')
// base + 0..3 is the main mock platform; the consumer's single host takes base + 8
const port = String(Number(process.env.MOCK_PORT_BASE || 4010) + 8)
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }

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
    tarball = pack(work)
    mkdirSync(join(consumer, 'specs'), { recursive: true })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(consumer, name), text)
    cpSync('test/fixtures/tiny', join(consumer, 'contracts', 'tiny'), { recursive: true })
    cpSync('test/fixtures/packed-consumer/mock', join(consumer, 'mock'), { recursive: true })
    installedBy = install(tarball, consumer, [`msw@${pkg.dependencies.msw}`])
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
