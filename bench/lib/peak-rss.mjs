// Preloaded into every Node process of a measured run (NODE_OPTIONS=--import): on exit, each writes
// its peak resident set size, and what it was (a Playwright worker, the runner, a mock server).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.env.BENCH_RSS_DIR
if (dir) {
  process.on('exit', () => {
    const role = process.env.TEST_WORKER_INDEX !== undefined ? 'worker'
      : process.argv.some((a) => /mock/.test(a)) ? 'mock'
      : process.argv.some((a) => /playwright/.test(a)) ? 'runner' : 'other'
    try {
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ role, peakRssKb: process.resourceUsage().maxRSS, argv: process.argv.slice(1, 3) }))
    } catch {
      // measuring must never break the run it measures
    }
  })
}
