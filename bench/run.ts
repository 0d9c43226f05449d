// npm run bench [-- suite scale mock generated] [--runs N] [--profile]    npm run bench -- render: BENCHMARKS.md again from the last results
// Runs the measurements (all by default), writes bench/results/latest.json, renders BENCHMARKS.md and
// the scale plot. Never part of CI's pass/fail: the figures belong to the machine they were taken on.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describeMachine } from './lib/machine.js'
import { measureGenerated } from './generated/measure.js'
import { measureMockServer } from './mock-server/measure.js'
import { renderBenchmarks, renderScaleSvg, type BenchResults } from './render.js'
import { measureScale } from './scale/measure.js'
import { measureSuiteOverhead } from './suite-overhead/measure.js'

const SECTIONS = ['suite', 'scale', 'mock', 'generated'] as const
type Section = (typeof SECTIONS)[number]

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const runsFlag = args.indexOf('--runs')
const runs = runsFlag === -1 ? 5 : Number(args[runsFlag + 1])
const chosen = args.filter((a, i) => !a.startsWith('--') && (runsFlag === -1 || i !== runsFlag + 1))
const unknown = [
  ...chosen.filter((a) => !(SECTIONS as readonly string[]).includes(a) && !(a === 'render' && chosen.length === 1)),
  ...args.filter((a) => a.startsWith('--') && a !== '--runs' && a !== '--profile'),
]
if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run bench [-- ${SECTIONS.join(' ')}] [--runs N (default 5)] [--profile] | npm run bench -- render${unknown.length ? `\nunknown: ${unknown.join(', ')}` : ''}`)
  process.exit(2)
}
const renderOnly = chosen.length === 1 && chosen[0] === 'render'
const sections: readonly Section[] = renderOnly ? [] : chosen.length > 0 ? (chosen as Section[]) : SECTIONS
if (args.includes('--profile')) {
  const dir = join(root, 'bench', '.out', 'profiles')
  process.env.BENCH_PROFILE_DIR = dir
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import ${join(root, 'bench', 'lib', 'cpu-profile.mjs')}`].filter(Boolean).join(' ')
  console.log(`profiling every process into ${dir} (npx tsx bench/lib/profile-summary.ts <file> reads one); figures taken while profiling are slower`)
}

// Prism and autocannon are the tools we compare against and drive; they live apart from the project's dependencies.
const tools = join(root, 'bench', 'tools')
if (!renderOnly && (!existsSync(join(tools, 'node_modules', '.bin', 'prism')) || !existsSync(join(tools, 'node_modules', '.bin', 'autocannon')))) {
  console.log('installing the benchmark tools (Prism 5.14.2, autocannon 8) into bench/tools ...')
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tools, stdio: 'inherit' })
}

const resultsFile = join(root, 'bench', 'results', 'latest.json')
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Partial<BenchResults>) : {}
const results: Partial<BenchResults> = renderOnly ? previous : { ...previous, machine: describeMachine(root), runs }
const log = (line: string) => console.log(line)
const started = Date.now()
for (const section of sections) {
  const at = new Date().toISOString()
  console.log(`\n${section}: ${runs} runs`)
  if (section === 'suite') results.suite = { at, ...(await measureSuiteOverhead(root, runs, log)) }
  if (section === 'scale') results.scale = { at, ...(await measureScale(root, [10, 100, 1000], runs, log)) }
  if (section === 'mock') results.mock = { at, ...(await measureMockServer(root, runs, log)) }
  if (section === 'generated') results.generated = { at, ...(await measureGenerated(root, runs, log)) }
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
const complete = results as BenchResults
if (complete.scale) writeFileSync(join(root, 'bench', 'results', 'scale.svg'), renderScaleSvg(complete.scale.points))
writeFileSync(join(root, 'BENCHMARKS.md'), renderBenchmarks(complete))
console.log(`\nwrote bench/results/latest.json, bench/results/scale.svg and BENCHMARKS.md in ${Math.round((Date.now() - started) / 1000)} s`)
