import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'dotenv'
import { assertPortFree, timePassingRun } from '../lib/command.js'
import { median } from '../lib/stats.js'

export interface GeneratedResult {
  server: string
  contract: string
  inputsPerTest: number
  tests: number
  requests: number
  /** `npx playwright test` from spawn to exit: collection, workers, reports included */
  playwright: { wallMs: number; rps: number; inTestsRps: number; runs: number[] }
  /** the same recorded requests, two concurrent fetch loops (as two workers), nothing else */
  bare: { wallMs: number; rps: number; runs: number[] }
  perRequestMs: { playwright: number; bare: number }
}

const PORT = 4160
const CONTRACT = 'test/fixtures/plain/pets-fastify.json'
const INPUTS = 500

interface Recorded { url: string; method: string; headers: Record<string, string>; body?: string }

/**
 * Generated requests per second end to end: the generated tests of the pets document (6 operations,
 * 16 tests, 500 inputs each) at 2 workers against the mock generated from it (`contractwright mock
 * --stateful`, validating every request), next to a bare fetch loop sending
 * the very requests those tests sent (recorded once with the same seed), two at a time.
 */
export async function measureGenerated(root: string, runs: number, log: (line: string) => void): Promise<GeneratedResult> {
  await assertPortFree(PORT, 'generated mock')
  const out = join(root, 'bench', '.out', 'generated')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const envFile = join(out, '.env.generated-mock')
  const server = await startMock(root, envFile)
  try {
    // the mock's base URL and its fresh test credentials, as a user's suite reads them
    const env = { ...process.env, ...parse(readFileSync(envFile)), BENCH_CONTRACT: CONTRACT, CONTRACT_SEED: '1', CONTRACT_RUNS: String(INPUTS) }
    const args = ['playwright', 'test', '-c', 'bench/generated/playwright.config.ts']
    const recordFile = join(out, 'requests.jsonl')
    await timePassingRun('generated tests (recording)', 'npx', args, { cwd: root, env: { ...env, BENCH_RECORD: recordFile } })
    const recorded = readFileSync(recordFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Recorded)
    const pw: number[] = []
    const inTests: number[] = []
    const bare: number[] = []
    let tests = 0
    let requests = 0
    for (let i = 0; i < runs; i++) {
      const run = await timePassingRun('generated tests', 'npx', args, { cwd: root, env })
      const report = readReport(join(out, 'results.json'))
      tests = report.tests
      requests = report.requests
      pw.push(run.wallMs)
      inTests.push(report.testMs / 2)
      bare.push(await bareLoop(recorded))
      log(`  run ${i + 1}: playwright ${Math.round(run.wallMs)} ms (${report.requests} requests), bare fetch ${Math.round(bare.at(-1)!)} ms (${recorded.length})`)
    }
    const wallMs = median(pw)
    const bareMs = median(bare)
    return {
      server: 'the mock generated from it (`contractwright mock --stateful`) on loopback', contract: CONTRACT, inputsPerTest: INPUTS, tests, requests,
      playwright: { wallMs, rps: requests / (wallMs / 1000), inTestsRps: requests / (median(inTests) / 1000), runs: pw },
      bare: { wallMs: bareMs, rps: recorded.length / (bareMs / 1000), runs: bare },
      perRequestMs: { playwright: (2 * wallMs) / requests, bare: (2 * bareMs) / recorded.length },
    }
  } finally {
    server.kill()
  }
}

async function bareLoop(recorded: readonly Recorded[]): Promise<number> {
  const started = performance.now()
  let next = 0
  const loop = async () => {
    while (next < recorded.length) {
      const r = recorded[next++]!
      const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, redirect: 'manual' })
      await res.text()
    }
  }
  await Promise.all([loop(), loop()])
  return performance.now() - started
}

function readReport(file: string): { tests: number; requests: number; testMs: number } {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: Suite[]; stats: { expected: number } }
  let requests = 0
  let testMs = 0
  const walk = (s: Suite) => {
    for (const child of s.suites ?? []) walk(child)
    for (const spec of s.specs ?? []) for (const t of spec.tests) for (const r of t.results) {
      testMs += r.duration
      for (const a of r.annotations) if (a.type === 'cw-generated') requests += (JSON.parse(a.description!) as { requests: number }).requests
    }
  }
  report.suites.forEach(walk)
  return { tests: report.stats.expected, requests, testMs }
}
interface Suite { suites?: Suite[]; specs?: Array<{ tests: Array<{ results: Array<{ duration: number; annotations: Array<{ type: string; description?: string }> }> }> }> }

function startMock(root: string, envFile: string): Promise<ChildProcess> {
  const args = ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'mock', '--spec', CONTRACT, '--stateful', '--port', String(PORT), '--env-out', envFile]
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (/^wrote /m.test(String(chunk))) done(child) })
    child.once('exit', (code) => fail(new Error(`bench: contractwright mock exited (${code}) before listening`)))
  })
}
