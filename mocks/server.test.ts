import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parse } from 'dotenv'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'cw-mock-server-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const listens = (port: number) => new Promise<boolean>((resolve) => {
  const probe = createServer()
  probe.once('error', () => resolve(false))
  probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
})

// all four ports of the mock free: another test's ephemeral socket on base+1 made a port-in-use test name the wrong host
async function freePortBase(): Promise<number> {
  for (;;) {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const base = Math.min((probe.address() as { port: number }).port, 65000)
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const free = await Promise.all([0, 1, 2, 3].map((i) => listens(base + i)))
    if (free.every(Boolean)) return base
  }
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', 'mocks/start.mjs'], {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output, bundle: join(root, 'mocks', `.server-${child.pid}.bundle.mjs`) }
}

// bounded wait: the env file appears only once every port listens
async function waitForFile(file: string, exited: Promise<unknown>): Promise<void> {
  let done = false
  void exited.then(() => { done = true })
  for (let i = 0; i < 300 && !done; i++) {
    if (existsSync(file)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the mock server did not write ${file}`)
}

test('serves every host, writes the env file with the contract variables, stops cleanly on SIGTERM', async () => {
  const portBase = await freePortBase()
  const envFile = join(dir, '.env.mock-server')
  const server = startServer({ MOCK_PORT_BASE: String(portBase), MOCK_ENV_FILE: envFile, MOCK_FAULTS: 'hf-token-missing' })
  try {
    await waitForFile(envFile, server.exited)
    const env = parse(readFileSync(envFile, 'utf8'))
    assert.equal(env.HOKUSAI_API_URL, `http://127.0.0.1:${portBase}`)
    assert.equal(env.HOKUSAI_REGISTRY_URL, `http://127.0.0.1:${portBase + 1}`)
    assert.equal(env.HOKUSAI_AUTH_URL, `http://127.0.0.1:${portBase + 2}`)
    assert.equal(env.GATEWAYZ_URL, `http://127.0.0.1:${portBase + 3}`)
    assert.equal(env.MLFLOW_TRACKING_URI, `http://127.0.0.1:${portBase + 1}/api/mlflow`)
    assert.equal(env.HOKUSAI_API_KEY, env.MOCK_KEY_ADMIN)
    assert.equal(env.HOKUSAI_READONLY_KEY, env.MOCK_KEY_WRITER)
    assert.equal(env.GATEWAYZ_API_KEY, env.MOCK_KEY_GATEWAYZ_USER)
    assert.match(env.MOCK_KEY_DEBIT_REJECT ?? '', /^cw-mock-debit-reject-[0-9a-f]{8}$/)
    assert.equal(env.MOCK_FAULTS, 'hf-token-missing')
    // the fault is live: predict on model 21 fails as the incident did
    const predict = await fetch(`${env.HOKUSAI_API_URL}/api/v1/models/21/predict`, {
      method: 'POST', headers: { authorization: `Bearer ${env.HOKUSAI_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: { text: 'hello' } }),
    })
    assert.equal(predict.status, 500)
    assert.match(server.output(), new RegExp(`api +http://127.0.0.1:${portBase}`))
  } finally {
    server.child.kill('SIGTERM')
  }
  assert.equal(await server.exited, 0)
  assert.equal(existsSync(server.bundle), false, 'the bundle start.mjs wrote is removed')
})

test('an unknown fault is one error with a suggestion, and no env file', async () => {
  const envFile = join(dir, '.env.unknown')
  const server = startServer({ MOCK_PORT_BASE: String(await freePortBase()), MOCK_ENV_FILE: envFile, MOCK_FAULTS: 'alb-shadow-mlfow' })
  assert.equal(await server.exited, 1)
  assert.match(server.output(), /contractwright: unknown fault "alb-shadow-mlfow" in MOCK_FAULTS\. Did you mean "alb-shadow-mlflow"\?/)
  assert.equal(existsSync(envFile), false)
})

test('a port in use is one error naming the port and MOCK_PORT_BASE', async () => {
  const portBase = await freePortBase()
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(portBase + 2, '127.0.0.1', resolve))
  try {
    const server = startServer({ MOCK_PORT_BASE: String(portBase), MOCK_ENV_FILE: join(dir, '.env.busy') })
    assert.equal(await server.exited, 1)
    assert.match(server.output(), new RegExp(`contractwright: port ${portBase + 2} \\(host "auth"\\).*MOCK_PORT_BASE`))
    assert.doesNotMatch(server.output(), /\n\s+at /)
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
  }
})

test('a bad MOCK_PORT_BASE is a usage error', async () => {
  const server = startServer({ MOCK_PORT_BASE: 'eighty', MOCK_ENV_FILE: join(dir, '.env.bad') })
  assert.equal(await server.exited, 1)
  assert.match(server.output(), /contractwright: MOCK_PORT_BASE=eighty is not a usable port/)
  assert.equal(existsSync(server.bundle), false, 'an exit during start-up removes the bundle too')
})
