// Every command the README shows is either run here or mapped to where it runs (CI's npm test), so
// the README cannot rot: a new command without a row below fails this test.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePortBase } from './support/free-port-base.js'

const readme = readFileSync('README.md', 'utf8')
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>

/** Commands in ```bash blocks (a line starting with # is a comment or shown output) and in inline code that starts like a command. */
function readmeCommands(): string[] {
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'))
  const inline = [...readme.matchAll(/`((?:npm|npx|cp|[A-Z_]+=\S+ (?:npm|npx))[^`]*)`/g)].map((m) => m[1]!)
  return [...new Set([...blocks, ...inline].map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('#')))]
}

const run = (cmd: string, env: Record<string, string> = {}) =>
  spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 })

async function startsMock(cmd: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-readme-'))
  const envFile = join(dir, '.env.mock-server')
  // its own process group, so the whole npm → tsx → node chain stops with it
  const child = spawn('bash', ['-c', cmd], { detached: true, env: { ...process.env, MOCK_PORT_BASE: String(await freePortBase()), MOCK_ENV_FILE: envFile } })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  try {
    for (let i = 0; i < 300 && !existsSync(envFile); i++) await new Promise((r) => setTimeout(r, 100))
    assert.ok(existsSync(envFile), `${cmd}: no env file written\n${out}`)
    assert.match(readFileSync(envFile, 'utf8'), /^HOKUSAI_API_URL=http:\/\/127\.0\.0\.1:\d+$/m)
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

// Each README command: how this test proves it works.
const handlers: Array<[RegExp, (cmd: string) => void | Promise<void>]> = [
  [/^npm ci && npx playwright test$|^npm test$|^npx playwright test$/, () => {
    assert.match(readFileSync('.ci/run', 'utf8'), /npm ci[^\n]*\nnpm test$/m, 'CI runs npm ci then npm test')
    assert.match(scripts.test!, /npm run test:suite/)
    assert.equal(scripts['test:suite'], 'playwright test')
  }],
  // "Your own API": a new project made from the packed tarball runs these in test/packed-init.test.ts
  [/^npm install --save-dev contractwright @playwright\/test$|^npx contractwright init --spec openapi\.json$|^CONTRACT_BASE_URL=\S+ CONTRACT_AUTH_BEARER=\S+ npx playwright test$/, (cmd) => {
    const packed = readFileSync('test/packed-init.test.ts', 'utf8')
    const proof = cmd.startsWith('npm install') ? 'newPetsProject(work, project' : cmd.includes('init') ? "['contractwright', 'init', '--spec', 'openapi.json']" : "CONTRACT_BASE_URL: server.url, ...credentials"
    assert.ok(packed.includes(proof), `test/packed-init.test.ts runs: ${cmd}`)
    // newPetsProject installs the packed tarball (with @playwright/test, see install) into the new project
    if (cmd.startsWith('npm install')) assert.match(readFileSync('test/support/packed.ts', 'utf8'), /function newPetsProject[^]*?install\(tarball, project\)/)
  }],
  // the generated mock on its own: the packed project starts it and its suite reads .env.mock-server
  [/^npx contractwright mock --spec openapi\.json( \[--[\w-]+( \d+)?\])*$/, (cmd) => {
    assert.ok(readFileSync('test/packed-init.test.ts', 'utf8').includes("['mock', '--spec', 'openapi.json'"), 'test/packed-init.test.ts runs contractwright mock')
    const usage = readFileSync('src/cli/mock-command.ts', 'utf8')
    for (const option of cmd.match(/--[\w-]+/g)!) assert.ok(usage.includes(`  ${option} `), `contractwright mock documents ${option}`)
  }],
  // replay: test/replay-cli.test.ts runs the CLI over loopback HTTP on a HAR and checks its exit codes
  [/^npx contractwright replay <recording> --target <url>( \[--[\w-]+[^\]]*\])*$/, (cmd) => {
    assert.ok(readFileSync('test/replay-cli.test.ts', 'utf8').includes("'src/cli/main.ts', 'replay'"), 'test/replay-cli.test.ts runs contractwright replay')
    const usage = readFileSync('src/cli/replay-command.ts', 'utf8')
    for (const option of cmd.match(/--[\w-]+/g)!) assert.ok(usage.includes(`  ${option} `), `contractwright replay documents ${option}`)
  }],
  // deployed rules: the packed project runs the AWS form; each importer's tests read the other forms with the Hokusai incidents
  [/^npx contractwright routing --contract openapi\.json --rules (rules\.json|infra\/|ingress\.yaml)$/, (cmd) => {
    const proof = cmd.endsWith('rules.json') ? ['test/packed-routing.test.ts', "['contractwright', 'routing', '--contract', 'openapi.json', '--rules', 'rules.json']"]
      : cmd.endsWith('infra/') ? ['src/routing/import/terraform.test.ts', 'loadDeployedRules([MODULE])'] : ['src/routing/import/ingress.test.ts', 'loadDeployedRules([INGRESS])']
    assert.ok(readFileSync(proof[0]!, 'utf8').includes(proof[1]!), `${proof[0]} proves: ${cmd}`)
  }],
  [/^npm run test:faults$/, () => assert.match(scripts.test!, /npm run test:faults$/)],
  [/^npx playwright test --grep @smoke$/, () => {
    // the production check: it selects tests, and every one of them is read-only
    const total = (args: string) => Number(/Total: (\d+) tests?/.exec(run(`npx playwright test --list ${args}`).stdout)?.[1] ?? NaN)
    assert.ok(total('--grep @smoke') > 0, '--grep @smoke selects no test')
    assert.equal(total('--grep @smoke --grep-invert @readonly'), 0, 'a @smoke test is not @readonly')
  }],
  [/^CONTRACT_TARGET=mock-server npx playwright test$/, () => assert.match(readFileSync('mocks/server.ts', 'utf8'), /\.env\.mock-server/)],
  [/^cp \.env\.example \.env\.staging$/, () => assert.ok(existsSync('.env.example'))],
  [/^CONTRACT_TARGET=staging npx playwright test$/, () => {
    // As a newcomer does it: copy the example untouched, run, get one clear message naming what is missing.
    const name = `readme-${process.pid}`
    copyFileSync('.env.example', `.env.${name}`)
    try {
      const r = run('npx playwright test --reporter=line', { CONTRACT_TARGET: name })
      assert.equal(r.status, 1)
      assert.match(r.stdout + r.stderr, new RegExp(`contractwright: target "${name}" is missing \\d+ variables?\\. Add (it|them) to \\.env\\.${name}[^\\n]*\\n\\s+HOKUSAI_API_KEY`))
    } finally {
      rmSync(`.env.${name}`, { force: true })
    }
  }],
  [/^(MOCK_FAULTS=[\w-]+ )?npm run mock$/, startsMock],
  [/^npm run catalog:baseline$/, async (cmd) => {
    // recorded into a temporary file, against the mock on its own ports, so the committed one is untouched
    const dir = mkdtempSync(join(tmpdir(), 'cw-baseline-'))
    try {
      const file = join(dir, 'catalog-baseline.json')
      const r = run(cmd, { CATALOG_BASELINE: file, MOCK_PORT_BASE: String(await freePortBase()), CI: '' })
      assert.equal(r.status, 0, r.stdout + r.stderr)
      const written = JSON.parse(readFileSync(file, 'utf8'))
      assert.equal(written.targets.mock.gateways.huggingface, 1204)
      assert.deepEqual(written.targets.mock.gateways, JSON.parse(readFileSync('catalog-baseline.json', 'utf8')).targets.mock.gateways, 'the committed mock baseline is current')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }],
  [/^npm run routing$/, () => assert.equal(run('npm run routing').status, 0)],
  [/^npm run docs:routing$/, () => {
    assert.equal(run('npm run docs:routing').status, 0)
    assert.equal(run('git diff --quiet -- docs/ROUTING.md').status, 0, 'docs/ROUTING.md changed: it was stale')
  }],
  [/^npm run bench( -- [\w -]+)?$/, () => {
    // the real run takes ~16 minutes and is never part of CI: prove the entry point and its usage answer
    const r = run('npm run bench -- no-such-section')
    assert.equal(r.status, 2)
    assert.match(r.stderr, /usage: npm run bench \[-- suite scale mock generated\][^\n]*\nunknown: no-such-section/)
  }],
  [/^npx tsx bench\/lib\/profile-summary\.ts <file>$/, () => {
    const r = run('npx tsx bench/lib/profile-summary.ts')
    assert.equal(r.status, 2)
    assert.match(r.stderr, /usage: npx tsx bench\/lib\/profile-summary\.ts <file\.cpuprofile>/)
  }],
  [/^npm run signoff -- --target \w+$/, () => {
    const r = run('npm run signoff -- --help')
    assert.equal(r.status, 0)
    assert.match(r.stdout, /--target/)
  }],
]

test('every README command is covered', () => {
  const unhandled = readmeCommands().filter((cmd) => !handlers.some(([re]) => re.test(cmd)))
  assert.deepEqual(unhandled, [], 'add a row for each new README command in test/readme-commands.test.ts')
})

for (const cmd of readmeCommands()) {
  const handler = handlers.find(([re]) => re.test(cmd))?.[1]
  if (handler) test(`README: ${cmd}`, { timeout: 180_000 }, async () => handler(cmd))
}
