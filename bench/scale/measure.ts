import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { timePassingRun } from '../lib/command.js'
import { measurePlaywrightRun } from '../lib/playwright-run.js'
import { linearFit, median } from '../lib/stats.js'
import { writeSyntheticContract } from './synthetic-contract.js'

export interface LoadSample { loadMs: number; generateMs: number; compileMs: number; totalMs: number; cases: number; schemaUses: number }
export interface ScalePoint {
  operations: number
  cases: number
  cold: LoadSample // medians; a new YAML cache
  warm: LoadSample // medians; the cache a previous process wrote (every worker after the first)
  suiteMs: number // median wall time of the whole run
  suiteRuns: number[]
  peakWorkerRssMb: number
}
export interface ScaleResult {
  points: ScalePoint[]
  suiteFit: { msPerOperation: number; fixedMs: number; r2: number }
  warmFit: { msPerOperation: number; fixedMs: number; r2: number }
}

const PORT = 4090

/** Synthetic contracts of each size: load + generate + compile in fresh processes, then the generated suite end to end. */
export async function measureScale(root: string, sizes: readonly number[], runs: number, log: (line: string) => void): Promise<ScaleResult> {
  const out = join(root, 'bench', '.out')
  const files = new Map(sizes.map((n) => [n, writeSyntheticContract(n, join(out, `synthetic-${n}`))]))
  const load = new Map(sizes.map((n) => [n, { cold: [] as LoadSample[], warm: [] as LoadSample[] }]))
  const suite = new Map(sizes.map((n) => [n, { ms: [] as number[], cases: 0, rss: [] as number[] }]))
  for (let run = 1; run <= runs; run++) {
    for (const n of sizes) {
      const cache = join(out, 'load-cache', `${n}-${run}`)
      rmSync(cache, { recursive: true, force: true })
      for (const temperature of ['cold', 'warm'] as const) {
        const result = await timePassingRun(`load-time ${n}`, 'node', ['--import', 'tsx', 'bench/scale/load-time.ts', files.get(n)!, cache], { cwd: root })
        load.get(n)![temperature].push(JSON.parse(result.output.trim().split('\n').at(-1)!) as LoadSample)
      }
      const runOut = join(out, `scale-run-${n}`)
      const measured = await measurePlaywrightRun(`the suite of ${n} operations`, root, ['-c', 'bench/scale/playwright.config.ts'], {
        port: PORT, out: runOut, results: join(runOut, 'results.json'),
        env: { BENCH_CONTRACT: files.get(n)!, BENCH_OUT: runOut, MOCK_PORT_BASE: String(PORT) },
      })
      const entry = suite.get(n)!
      entry.ms.push(measured.wallMs)
      entry.cases = measured.tests
      entry.rss.push(measured.peakRssMb.worker)
      log(`  run ${run}/${runs}, ${n} operations: warm load+generate+compile ${Math.round(load.get(n)!.warm.at(-1)!.totalMs)} ms, suite ${measured.tests} cases ${(measured.wallMs / 1000).toFixed(1)} s`)
    }
  }
  const points = sizes.map((n): ScalePoint => ({
    operations: n,
    cases: suite.get(n)!.cases,
    cold: medianSample(load.get(n)!.cold),
    warm: medianSample(load.get(n)!.warm),
    suiteMs: median(suite.get(n)!.ms),
    suiteRuns: suite.get(n)!.ms.map(Math.round),
    peakWorkerRssMb: median(suite.get(n)!.rss),
  }))
  const fit = (y: (p: ScalePoint) => number) => {
    const line = linearFit(points.map((p) => ({ x: p.operations, y: y(p) })))
    return { msPerOperation: line.slope, fixedMs: line.intercept, r2: line.r2 }
  }
  return { points, suiteFit: fit((p) => p.suiteMs), warmFit: fit((p) => p.warm.totalMs) }
}

function medianSample(samples: readonly LoadSample[]): LoadSample {
  const pick = (key: keyof LoadSample) => median(samples.map((s) => s[key]))
  return { loadMs: pick('loadMs'), generateMs: pick('generateMs'), compileMs: pick('compileMs'), totalMs: pick('totalMs'), cases: pick('cases'), schemaUses: pick('schemaUses') }
}
