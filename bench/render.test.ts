import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { renderBenchmarks, renderScaleSvg, type BenchResults } from './render.js'

const recorded = JSON.parse(readFileSync(new URL('./results/latest.json', import.meta.url), 'utf8')) as BenchResults

// The verdicts are computed from the figures, never written by hand: change a figure, the verdict follows.
test('a target row says met or missed from the figures', () => {
  const fast = structuredClone(recorded)
  fast.suite!.overhead = 2.4
  fast.scale!.points.at(-1)!.warm.totalMs = 1200
  const md = renderBenchmarks(fast)
  assert.match(md, /one trivial test \| 2\.40× \| met \|/)
  assert.match(md, /loaded, generated and compiled < 1 s \(YAML cache warm\) \| 1200 ms \| \*\*missed\*\* \|/)
})

test('the committed BENCHMARKS.md is what the committed results render to', () => {
  assert.equal(readFileSync(new URL('../BENCHMARKS.md', import.meta.url), 'utf8'), renderBenchmarks(recorded), 'run `npm run bench -- render`')
})

test('the plot has one point per contract size', () => {
  assert.equal(renderScaleSvg(recorded.scale!.points).match(/<circle /g)?.length, recorded.scale!.points.length)
})
