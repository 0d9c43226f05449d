import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { assertPortFree, timePassingRun } from './command.js'
import { peakRss, rssEnv } from './peak-rss.js'

export interface MeasuredRun {
  wallMs: number
  tests: number // passed, from the JSON report
  workers: number
  peakRssMb: ReturnType<typeof peakRss>
}

/**
 * Times one passing `npx playwright test` whose mock listens on `port` (it must be free: a reused server
 * would hide its start-up). `out` is emptied first and receives the peak RSS files; `results` is where
 * the run's JSON reporter writes.
 */
export async function measurePlaywrightRun(label: string, root: string, args: readonly string[], options: { port: number; out: string; results: string; env: NodeJS.ProcessEnv }): Promise<MeasuredRun> {
  await assertPortFree(options.port, label)
  rmSync(options.out, { recursive: true, force: true })
  const rss = join(options.out, 'rss')
  const run = await timePassingRun(label, 'npx', ['playwright', 'test', ...args], { cwd: root, env: { ...process.env, ...options.env, ...rssEnv(rss) } })
  const report = JSON.parse(readFileSync(options.results, 'utf8')) as { stats: { expected: number }; config: { workers?: number; metadata?: { actualWorkers?: number } } }
  return { wallMs: run.wallMs, tests: report.stats.expected, workers: report.config.metadata?.actualWorkers ?? report.config.workers ?? 0, peakRssMb: peakRss(rss) }
}
