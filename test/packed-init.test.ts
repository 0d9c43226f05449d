// A new user with a document of their own: a fresh folder, the packed tarball and @playwright/test,
// `npx contractwright init --spec …`, then `npx playwright test` against a real Fastify server
// (healthy, then with one defect at a time), a FastAPI 3.1 document listed in full, and bad input.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { newPetsProject, output, run, startPetsServer } from './support/packed.js'

const repo = resolve('.')
const work = mkdtempSync(join(tmpdir(), 'cw-init-'))
const project = join(work, 'pets')
const token = 'cw-pets-token-0001' // the pets server's test token; never printed by any run below
const credentials = { CONTRACT_AUTH_BEARER: token, CONTRACT_AUTH_API_KEY: token }

function operationsOf(file: string): string[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => /^(get|put|post|delete|patch|head|options)$/.test(m)).map((m) => `${m.toUpperCase()} ${path}`))
}

describe('contractwright init in a new project', { timeout: 900_000 }, () => {
  let installedBy = ''
  before(() => {
    installedBy = newPetsProject(work, project, 'pets-tests')
  })
  after(() => rmSync(work, { recursive: true, force: true }))

  it('writes a config, one spec and .env.example for the document, and prints the next two commands', (t) => {
    t.diagnostic(`installed by ${installedBy}`)
    const init = run('npx', ['contractwright', 'init', '--spec', 'openapi.json'], project)
    assert.equal(init.status, 0, output(init))
    assert.match(init.stdout, /"Pets API" \(OpenAPI 3\.0\.3, 6 operations, 2 security schemes\)/)
    assert.match(init.stdout, /Next:\n {2}npx playwright test +# against a mock generated from the document\n {2}CONTRACT_BASE_URL=<your API's URL> npx playwright test/)
    const env = readFileSync(join(project, '.env.example'), 'utf8')
    for (const name of ['CONTRACT_BASE_URL', 'CONTRACT_AUTH_BEARER', 'CONTRACT_AUTH_API_KEY']) assert.match(env, new RegExp(`^${name}=$`, 'm'))
    // again: nothing changes; a config of the user's own is never overwritten without --force
    assert.match(run('npx', ['contractwright', 'init', '--spec', 'openapi.json'], project).stdout, /wrote nothing/)
    const own = join(work, 'own')
    mkdirSync(own)
    writeFileSync(join(own, 'playwright.config.ts'), 'export default {}\n')
    const refused = run(join(project, 'node_modules/.bin/contractwright'), ['init', '--spec', join(project, 'openapi.json')], own)
    assert.equal(refused.status, 2, output(refused))
    assert.match(refused.stderr, /^contractwright: playwright\.config\.ts already exists; run again with --force/)
    assert.equal(readFileSync(join(own, 'playwright.config.ts'), 'utf8'), 'export default {}\n')
  })

  it('the written project type-checks without casts', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(repo, 'node_modules', '@types')] },
      include: ['playwright.config.ts', 'tests'],
    }))
    const tsc = run(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', '.'], project)
    assert.equal(tsc.status, 0, `tsc: ${output(tsc)}`)
  })

  it('no base URL: the suite runs against the mock generated from the document, green, no secured case skipped', () => {
    const r = run('npx', ['playwright', 'test'], project)
    assert.equal(r.status, 0, output(r))
    assert.match(r.stdout, /contractwright: no base URL set; testing the mock generated from openapi\.json at http:\/\/127\.0\.0\.1:\d+/)
    const stats = JSON.parse(readFileSync(join(project, 'reports/results.json'), 'utf8')).stats as { expected: number; unexpected: number; skipped: number }
    assert.deepEqual({ unexpected: stats.unexpected, skipped: stats.skipped }, { unexpected: 0, skipped: 0 })
    assert.ok(stats.expected >= 30, `${stats.expected} tests passed`)
    const coverage = JSON.parse(readFileSync(join(project, 'reports/coverage.json'), 'utf8')) as { contracts: Array<{ operations: Array<{ state: string }> }> }
    assert.deepEqual(coverage.contracts[0]!.operations.map((o) => o.state), Array(6).fill('exercised'))
  })

  it('contractwright mock: serves the document, the suite reads its .env.mock-server, a bad request gets a problem naming the field', async () => {
    const mock = spawn(join(project, 'node_modules/.bin/contractwright'), ['mock', '--spec', 'openapi.json', '--stateful'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const base = await new Promise<string>((done, fail) => {
        let seen = ''
        mock.stdout.on('data', (chunk: Buffer) => { seen += chunk; const m = / at (http:\/\/\S+)/.exec(seen); if (m) done(m[1]!) })
        mock.once('exit', (code) => fail(new Error(`contractwright mock exited (${code}): ${seen}`)))
      })
      const env = readFileSync(join(project, '.env.mock-server'), 'utf8')
      assert.match(env, new RegExp(`^CONTRACT_BASE_URL=${base}$`, 'm'))
      const bearer = /^CONTRACT_AUTH_BEARER=(cw-mock-\w+)$/m.exec(env)?.[1]
      assert.ok(bearer, env)
      const bad = await fetch(`${base}/pets`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: '{"name":7}' })
      assert.equal(bad.status, 400)
      assert.deepEqual(((await bad.json()) as { errors: unknown }).errors, [{ in: 'body', name: '/name', message: 'body at /name must be string' }])
      const created = await fetch(`${base}/pets`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: '{"name":"rex"}' })
      const pet = (await created.json()) as { id: number; name: string }
      assert.equal(pet.name, 'rex')
      const suite = run('npx', ['playwright', 'test', '--reporter=line'], project)
      assert.equal(suite.status, 0, output(suite))
      assert.doesNotMatch(suite.stdout, /testing the mock generated/, 'the running mock is used, not a second one')
      assert.ok(!suite.stdout.includes(bearer), 'the test credential never appears')
    } finally {
      const stopped = new Promise((done) => mock.once('exit', done))
      mock.kill('SIGINT')
      await stopped
    }
    assert.ok(!existsSync(join(project, '.env.mock-server')), 'the env file is removed when the mock stops')
  })

  it('a healthy server: every operation exercised, 0 failures, no credential in any artifact', async () => {
    const server = await startPetsServer()
    try {
      const green = run('npx', ['playwright', 'test'], project, { CONTRACT_BASE_URL: server.url, ...credentials })
      assert.equal(green.status, 0, output(green))
      const results = readFileSync(join(project, 'reports/results.json'), 'utf8')
      const stats = JSON.parse(results).stats as { expected: number; unexpected: number }
      assert.equal(stats.unexpected, 0)
      assert.ok(stats.expected >= 20, `${stats.expected} tests passed`)
      const coverage = JSON.parse(readFileSync(join(project, 'reports/coverage.json'), 'utf8')) as { contracts: Array<{ operations: Array<{ state: string }> }> }
      assert.deepEqual(coverage.contracts[0]!.operations.map((o) => o.state), Array(6).fill('exercised'))
      assert.ok(![green.stdout, green.stderr, results].some((text) => text.includes(token)), 'the token never appears')
    } finally {
      await server.stop()
    }
  })

  for (const [defect, named] of [
    ['wrong-type', /incident +schema drift: \/id expected integer, got "\d+" \(string\)[\s\S]*check +response_schema_conformance/],
    ['no-auth', /incident +security: operation getPet accepts unauthenticated requests[\s\S]*check +auth_enforced/],
  ] as const) {
    it(`a server with the ${defect} defect: the failure names it`, async () => {
      const server = await startPetsServer(defect)
      try {
        const red = run('npx', ['playwright', 'test', '--reporter=line'], project, { CONTRACT_BASE_URL: server.url, ...credentials })
        assert.equal(red.status, 1, output(red))
        assert.match(red.stdout, named)
        assert.ok(!red.stdout.includes(token))
      } finally {
        await server.stop()
      }
    })
  }

  it('credentials unset: one line names the variables, secured cases are skipped, nothing fails', async () => {
    const server = await startPetsServer()
    try {
      const r = run('npx', ['playwright', 'test', '--reporter=line'], project, { CONTRACT_BASE_URL: server.url })
      assert.equal(r.status, 0, output(r))
      assert.match(r.stdout, /contractwright: 2 credentials not set, secured operations that need them are skipped: CONTRACT_AUTH_BEARER, CONTRACT_AUTH_API_KEY/)
      assert.doesNotMatch(r.stdout + r.stderr, /ContractError|ConfigError|\n\s+at /)
    } finally {
      await server.stop()
    }
  })

  it('a FastAPI 3.1 document with no servers or examples: a test for every operation, no ContractError or ConfigError, green against its generated mock', () => {
    const fastapi = join(work, 'fastapi')
    mkdirSync(fastapi)
    cpSync(join(project, 'node_modules'), join(fastapi, 'node_modules'), { recursive: true, verbatimSymlinks: true })
    writeFileSync(join(fastapi, 'package.json'), JSON.stringify({ name: 'fastapi-tests', private: true, type: 'module' }))
    cpSync('test/fixtures/plain/fastapi-hokusai.json', join(fastapi, 'openapi.json'))
    const init = run('npx', ['contractwright', 'init', '--spec', 'openapi.json'], fastapi)
    assert.equal(init.status, 0, output(init))
    const list = run('npx', ['playwright', 'test', '--list'], fastapi)
    assert.equal(list.status, 0, output(list))
    assert.doesNotMatch(list.stdout + list.stderr, /ContractError|ConfigError|untestable/)
    const missing = operationsOf(join(fastapi, 'openapi.json')).filter((op) => !list.stdout.includes(` › ${op} › `))
    assert.deepEqual(missing, [], 'every operation has a test')
    // and with no server at all the whole suite runs against the mock generated from it: 0 failures
    const suite = run('npx', ['playwright', 'test', '--reporter=dot'], fastapi)
    assert.equal(suite.status, 0, output(suite))
    assert.match(suite.stdout, /\d{3} passed/)
  })

  it('bad input: one line naming the file and pointer, exit 2, no stack trace', async () => {
    const server = await startPetsServer()
    const bin = join(project, 'node_modules/.bin/contractwright')
    try {
      for (const [file, message] of [
        ['broken-ref.yaml', /^contractwright: \S*broken-ref\.yaml#\/paths\/~1things\/get\/responses\/200\/content\/application~1json\/schema: \$ref to \S*schemas\.yaml: cannot read the file \(ENOENT\)\n$/],
        ['version-4.yaml', /^contractwright: \S*version-4\.yaml#\/openapi: unknown OpenAPI version "4\.0\.0"; contractwright reads OpenAPI 3\.0\.x, 3\.1\.x, 3\.2\.x and Swagger 2\.0\n$/],
        ['invalid.yaml', /^contractwright: \S*invalid\.yaml: invalid YAML at line 6: .+\n$/],
        [`${server.url}/no-such-openapi.json`, /^contractwright: http:\/\/127\.0\.0\.1:\d+\/no-such-openapi\.json: the URL answered 404 Not Found\n$/],
      ] as const) {
        const spec = file.startsWith('http') ? file : join(repo, 'test/fixtures/plain/bad', file)
        const r = run(bin, ['init', '--spec', spec, '--dir', join(work, 'bad')], work)
        assert.equal(r.status, 2, output(r))
        assert.match(r.stderr, message)
      }
    } finally {
      await server.stop()
    }
  })
})
