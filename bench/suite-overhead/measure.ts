import { join } from 'node:path'
import { timePassingRun } from '../lib/command.js'
import { measurePlaywrightRun } from '../lib/playwright-run.js'
import { median } from '../lib/stats.js'

export interface SuiteOverhead {
  command: string
  tests: number
  workers: number
  runs: { bareOneMs: number[]; bareManyMs: number[]; fullMs: number[] }
  medians: { bareOneMs: number; bareManyMs: number; fullMs: number }
  overhead: number // full ÷ bare one trivial test (the ratio)
  overheadPerTest: number // full ÷ bare run of as many trivial tests
  casesPerSecond: number
  peakRssMb: { worker: number; runner: number; mock: number }
}

/**
 * The full default run (`npx playwright test`, the mock started by webServer) against bare
 * Playwright running one trivial test, and as many trivial tests. Interleaved run by run, so drift
 * on the machine hits all three alike.
 */
export async function measureSuiteOverhead(root: string, runs: number, log: (line: string) => void): Promise<SuiteOverhead> {
  const out = join(root, 'bench', '.out', 'default-run')
  const bareConfig = join('bench', 'suite-overhead', 'playwright.config.ts')
  const times = { bareOneMs: [] as number[], bareManyMs: [] as number[], fullMs: [] as number[] }
  const rss = { worker: [] as number[], runner: [] as number[], mock: [] as number[] }
  let tests = 0
  let workers = 0
  for (let run = 1; run <= runs; run++) {
    const one = await timePassingRun('bare Playwright, one test', 'npx', ['playwright', 'test', '-c', bareConfig], { cwd: root })
    times.bareOneMs.push(one.wallMs)

    const full = await measurePlaywrightRun('the full default run', root, [], {
      port: 4010, out, results: join(out, 'reports', 'results.json'),
      // the user's reports stay where they are; the run itself is the default one
      env: { CONTRACT_REPORT_DIR: join(out, 'reports'), PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'html'), CONTRACT_OUTPUT_DIR: join(out, 'test-results') },
    })
    times.fullMs.push(full.wallMs)
    tests = full.tests
    workers = full.workers
    for (const role of ['worker', 'runner', 'mock'] as const) rss[role].push(full.peakRssMb[role])

    const many = await timePassingRun(`bare Playwright, ${tests} tests`, 'npx', ['playwright', 'test', '-c', bareConfig], { cwd: root, env: { ...process.env, BENCH_TESTS: String(tests) } })
    times.bareManyMs.push(many.wallMs)
    log(`  run ${run}/${runs}: bare 1 test ${s(one.wallMs)}, full ${tests} tests ${s(full.wallMs)}, bare ${tests} tests ${s(many.wallMs)}`)
  }
  const medians = { bareOneMs: median(times.bareOneMs), bareManyMs: median(times.bareManyMs), fullMs: median(times.fullMs) }
  return {
    command: 'npx playwright test',
    tests, workers, runs: times, medians,
    overhead: medians.fullMs / medians.bareOneMs,
    overheadPerTest: medians.fullMs / medians.bareManyMs,
    casesPerSecond: tests / (medians.fullMs / 1000),
    peakRssMb: { worker: median(rss.worker), runner: median(rss.runner), mock: median(rss.mock) },
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
