// Proof over real loopback HTTP: the 2.17.0 MLflow mock served by serveHosts (as `npm run mock` serves
// hosts), and the CLI (`node --import tsx src/cli/main.ts replay`) replaying a HAR that a real browser
// recorded against it (scripts/record-mlflow-har.ts, test/fixtures/replay/mlflow-flow.har): 100%
// agreement; with a fault switched on, the disagreements name the endpoint kind and the field.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { createMlflowService, type MlflowSettings } from '../mocks/services/mlflow/index.js'
import { prependHandlers, serveHosts } from '../src/mocks/index.js'
import { freePortBase } from './support/free-port-base.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const HAR = 'test/fixtures/replay/mlflow-flow.har'
const KEY = 'canary-replay-key-4711' // must never appear in anything the CLI prints

function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // async spawn: the mock answers from this same process
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'replay', ...args], { cwd: root, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function withMock<T>(settings: Partial<MlflowSettings>, faults: Parameters<typeof prependHandlers>[1], run: (url: string) => Promise<T>): Promise<T> {
  const service = prependHandlers(createMlflowService({ settings }), faults)
  const served = await serveHosts({ mlflow: (request) => service.handle(request) }, { portBase: await freePortBase(1) })
  try {
    return await run(served.urls.mlflow!)
  } finally {
    await served.close()
  }
}

test('replay cli › the browser-recorded HAR replays at 100% against the mock over HTTP; the key is sent, never printed', async () => {
  await withMock({ version: '2.17.0' }, [], async (url) => {
    const { code, stdout, stderr } = await cli([HAR, '--target', url, '--header', `X-API-Key: ${KEY}`, '--min-agreement', '100', '--json'])
    assert.equal(code, 0, stderr)
    const report = JSON.parse(stdout) as { overall: { agreed: number; total: number; percent: number }; passed: boolean }
    assert.deepEqual(report.overall, { agreed: 18, total: 18, percent: 100, skipped: 0 })
    assert.equal(report.passed, true)
    assert.doesNotMatch(stdout + stderr, new RegExp(KEY))
  })
})

test('replay cli › a target answering like MLflow 3.x disagrees at runs/create and runs/get, naming the extra keys', async () => {
  await withMock({ version: '3.1.2.dev0' }, [], async (url) => {
    const { code, stdout } = await cli([HAR, '--target', url, '--header', `X-API-Key: ${KEY}`, '--min-agreement', '99'])
    assert.equal(code, 1)
    assert.match(stdout, /#4 POST \/api\/2\.0\/mlflow\/runs\/create: key set missing -; extra \.run\.inputs/)
    assert.match(stdout, /#8 GET \/api\/2\.0\/mlflow\/runs\/get\?run_id=[0-9a-f]{32}: key set missing -; extra \.run\.outputs/)
    assert.match(stdout, /POST \/api\/2\.0\/mlflow\/runs\/create\s+0\/1\s+0\.0%/)
    assert.match(stdout, /FAIL: 88\.9% agreement \(needed 99%\)/)
    assert.doesNotMatch(stdout, new RegExp(KEY))
  })
})

test('replay cli › a fault on experiments/get (every id unknown) is named by endpoint kind and field (status, key set)', async () => {
  const fault = http.get('*/api/2.0/mlflow/experiments/get', () =>
    HttpResponse.json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'fault: no experiment' }, { status: 404 }))
  await withMock({ version: '2.17.0' }, [fault], async (url) => {
    const { code, stdout } = await cli([HAR, '--target', url, '--header', `X-API-Key: ${KEY}`, '--json'])
    assert.equal(code, 1)
    assert.doesNotMatch(stdout, new RegExp(KEY))
    const report = JSON.parse(stdout) as { byKind: Array<{ kind: string; agreed: number; total: number }>; disagreements: Array<{ index: number; kind: string; differences: Array<{ field: string }>; request: { headers: string[][] } }> }
    assert.deepEqual(report.disagreements[0]?.request.headers.find(([name]) => name === 'x-api-key'), ['x-api-key', '[redacted]'])
    assert.deepEqual(report.disagreements.map((d) => [d.index, d.kind, d.differences.map((x) => x.field)]), [
      [3, 'GET /api/2.0/mlflow/experiments/get', ['status', 'key set']],
    ])
    assert.deepEqual(report.byKind[0], { kind: 'GET /api/2.0/mlflow/experiments/get', agreed: 1, total: 2, percent: 50, skipped: 0 })
  })
})

test('replay cli › --header-env sends the value of an environment variable; an unset variable is named, exit 2', async () => {
  // a target that insists on the key: without it every answer would be 401 and agreement 0%
  const keyRequired = http.all('*', ({ request }) =>
    request.headers.get('x-api-key') === KEY ? undefined : HttpResponse.json({ detail: 'key required' }, { status: 401 }))
  await withMock({ version: '2.17.0' }, [keyRequired], async (url) => {
    const sent = await cli([HAR, '--target', url, '--header-env', 'X-API-Key=REPLAY_KEY', '--json'], { ...process.env, REPLAY_KEY: KEY })
    assert.equal(sent.code, 0, sent.stderr)
    assert.equal((JSON.parse(sent.stdout) as { overall: { percent: number } }).overall.percent, 100)
    assert.doesNotMatch(sent.stdout + sent.stderr, new RegExp(KEY))
    const unset = await cli([HAR, '--target', url, '--header-env', 'X-API-Key=REPLAY_KEY'], { ...process.env, REPLAY_KEY: '' })
    assert.deepEqual([unset.code, unset.stderr.trim()], [2, 'contractwright: --header-env X-API-Key=REPLAY_KEY: environment variable REPLAY_KEY is not set or empty'])
    const malformed = await cli([HAR, '--target', url, '--header-env', 'X-API-Key'])
    assert.equal(malformed.code, 2)
    assert.match(malformed.stderr, /--header-env must look like 'X-API-Key=CONTRACT_API_KEY'/)
  })
})

test('replay cli › usage errors and bad recordings exit 2 with one line naming the file and pointer', async () => {
  const missing = await cli(['nope.har', '--target', 'http://127.0.0.1:9'])
  assert.deepEqual([missing.code, missing.stderr.trim()], [2, 'contractwright: nope.har: cannot read it (ENOENT)'])
  const bad = await cli(['test/fixtures/mlflow-transcripts/README.md', '--target', 'http://127.0.0.1:9'])
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /^contractwright: test\/fixtures\/mlflow-transcripts\/README\.md: not JSON/)
  const noTarget = await cli([HAR])
  assert.deepEqual([noTarget.code, noTarget.stderr.trim()], [2, 'contractwright: replay needs --target <url>: the base URL to replay against'])
  const header = await cli([HAR, '--target', 'http://127.0.0.1:9', '--header', KEY])
  assert.equal(header.code, 2)
  assert.doesNotMatch(header.stderr, new RegExp(KEY))
  assert.doesNotMatch(missing.stderr + bad.stderr + header.stderr, /\n\s+at /, 'no stack traces')
})
