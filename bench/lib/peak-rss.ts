import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The env that makes every Node process of a run record its peak RSS into `dir` (see peak-rss.mjs). */
export function rssEnv(dir: string): NodeJS.ProcessEnv {
  const preload = `--import ${resolve(import.meta.dirname, 'peak-rss.mjs')}`
  return { BENCH_RSS_DIR: dir, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' ') }
}

/** The largest peak RSS (MB) per role among the processes that wrote to `dir`; 0 for a role that did not run. */
export function peakRss(dir: string): Record<'worker' | 'runner' | 'mock' | 'other', number> {
  const peaks = { worker: 0, runner: 0, mock: 0, other: 0 }
  if (!existsSync(dir)) return peaks
  for (const file of readdirSync(dir)) {
    const { role, peakRssKb } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { role: keyof typeof peaks; peakRssKb: number }
    peaks[role] = Math.max(peaks[role], Math.round(peakRssKb / 1024))
  }
  return peaks
}
