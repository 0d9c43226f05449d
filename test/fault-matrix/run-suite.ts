import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePortBase } from '../support/free-port-base.js'

export interface TestOutcome {
  title: string // `project › title` without file
  status: 'passed' | 'failed' | 'skipped' | 'timedOut' | 'interrupted' | 'flaky'
  message: string // first error, ANSI stripped
}

export interface SuiteRun {
  exitCode: number
  tests: TestOutcome[]
  seconds: number
  output: string
}

/** Runs `npx playwright test` against its own fresh mock (own ports, own key file, own reports) and reads the JSON report. */
export async function runSuite(options: { faults?: string; grep?: string; args?: string[]; timeoutMs?: number }): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-suite-'))
  const env = {
    ...process.env, CI: '1', MOCK_PORT_BASE: String(await freePortBase()), MOCK_FAULTS: options.faults ?? '',
    MOCK_ENV_FILE: join(dir, '.env.mock-server'), CONTRACT_REPORT_DIR: join(dir, 'reports'),
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(dir, 'html'), CONTRACT_OUTPUT_DIR: join(dir, 'test-results'),
  }
  // Generated per-operation cases run only when the scope names them: a fault can break hundreds of
  // them, and Playwright restarts a worker after every failed test.
  const generated = options.grep?.includes('@generated') ? [] : ['--grep-invert', '@generated']
  const args = ['playwright', 'test', ...(options.grep ? ['--grep', options.grep] : []), ...generated, ...(options.args ?? [])]
  const started = performance.now()
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000)
    child.on('close', (c) => { clearTimeout(timer); resolve({ code: c ?? 1, output }) })
  })
  const seconds = (performance.now() - started) / 1000
  let tests: TestOutcome[] = []
  try {
    tests = readOutcomes(JSON.parse(readFileSync(join(dir, 'reports/results.json'), 'utf8')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { exitCode: code, tests, seconds, output }
}

interface JsonSuite { title: string; suites?: JsonSuite[]; specs?: Array<{ title: string; tests: Array<{ projectName: string; status: string; results: Array<{ status: string; error?: { message?: string } }> }> }> }

function readOutcomes(report: { suites: JsonSuite[] }): TestOutcome[] {
  const out: TestOutcome[] = []
  const walk = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1]
        const status = t.status === 'flaky' ? 'flaky' : t.status === 'skipped' ? 'skipped' : (last?.status ?? 'skipped')
        out.push({ title: [t.projectName, ...path, spec.title].filter((part) => part !== '').join(' › '), status: status as TestOutcome['status'], message: stripAnsi(last?.error?.message ?? '') })
      }
    }
    for (const child of suite.suites ?? []) walk(child, /\.ts$/.test(child.title) ? path : [...path, child.title])
  }
  for (const s of report.suites) walk(s, [])
  return out
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '')
}
