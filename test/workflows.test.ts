// Workflows cannot run here: this proves what can be proven statically, that every command they run
// exists in package.json, the shard matrix agrees with the merge job, no browser is installed, and
// secrets reach only the one step that runs the suite. The commands themselves ran locally (see report).
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'

interface Step { name?: string; uses?: string; run?: string; env?: Record<string, unknown>; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; env?: Record<string, unknown>; strategy?: { matrix?: Record<string, unknown[]> }; steps: Step[] }
interface Workflow { file: string; on: Record<string, unknown>; env?: Record<string, unknown>; jobs: Record<string, Job> }

const dir = '.github/workflows'
const workflows: Workflow[] = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
  .map((f) => ({ file: f, ...(parse(readFileSync(`${dir}/${f}`, 'utf8')) as Omit<Workflow, 'file'>) }))
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
const steps = (w: Workflow) => Object.entries(w.jobs).flatMap(([job, j]) => j.steps.map((s) => ({ job, step: s })))
// one shell command per line or `&&` / `;` / `|` segment
const commands = (run: string) => run.split(/\n|&&|;|\|/).map((c) => c.trim()).filter((c) => c !== '' && !c.startsWith('#'))
const workflow = (file: string) => workflows.find((w) => w.file === file) ?? assert.fail(`${dir}/${file} is missing`)

/** Every bin the project's declared dependencies install (what `npx <bin>` may run without a download). */
function declaredBins(): Set<string> {
  const bins = new Set<string>()
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    const file = `node_modules/${name}/package.json`
    if (!existsSync(file)) continue
    const { bin } = JSON.parse(readFileSync(file, 'utf8')) as { bin?: string | Record<string, string> }
    if (typeof bin === 'string') bins.add(name.replace(/^@[^/]+\//, ''))
    else for (const b of Object.keys(bin ?? {})) bins.add(b)
  }
  return bins
}

describe('GitHub Actions workflows', () => {
  it('run only npm scripts that package.json defines and bins its dependencies install', async () => {
    const bins = declaredBins()
    const problems: string[] = []
    const projects = new Set(((await import(pathToFileURL('playwright.config.ts').href)).default.projects ?? []).map((p: { name?: string }) => p.name))
    const checkProjects = (command: string, where: string) => {
      for (const p of command.matchAll(/--project[= ]([\w-]+)/g)) if (!projects.has(p[1])) problems.push(`${where}: playwright.config.ts has no project "${p[1]}"`)
    }
    for (const w of workflows) {
      for (const { job, step } of steps(w)) {
        for (const c of commands(step.run ?? '')) {
          const where = `${w.file} job ${job}: \`${c}\``
          const script = /^npm run(?:-script)? ([\w:.-]+)/.exec(c)?.[1] ?? (/^npm (test|start)\b/.exec(c)?.[1])
          if (script !== undefined && pkg.scripts[script] === undefined) problems.push(`${where}: package.json has no script "${script}"`)
          if (/^npm ci\b/.test(c) && !existsSync('package-lock.json')) problems.push(`${where}: npm ci needs package-lock.json`)
          const bin = /^npx (?:--no-install )?([\w.-]+)/.exec(c)?.[1]
          if (bin !== undefined && !bins.has(bin)) problems.push(`${where}: no declared dependency installs the bin "${bin}"`)
          if (/playwright install/.test(c)) problems.push(`${where}: API tests need no browser; do not install one`)
          checkProjects(c, where)
        }
      }
    }
    for (const [name, script] of Object.entries(pkg.scripts)) checkProjects(script, `package.json script "${name}"`)
    assert.deepEqual(problems, [])
  })

  it('shards the mock suite across a matrix whose size the merge job expects', () => {
    const ci = workflow('ci.yml')
    assert.ok('pull_request' in ci.on && 'push' in ci.on, 'ci.yml runs on pull requests and pushes')
    const [shardJob, shard] = Object.entries(ci.jobs).find(([, j]) => j.steps.some((s) => /playwright test --shard=/.test(s.run ?? ''))) ?? assert.fail('no sharded playwright step')
    const { shardIndex, shardTotal } = shard.strategy?.matrix ?? {}
    const total = Number(shardTotal?.[0])
    assert.ok(total >= 2 && shardTotal?.length === 1, 'matrix.shardTotal is one number, at least 2')
    assert.deepEqual(shardIndex, Array.from({ length: total }, (_, i) => i + 1), 'matrix.shardIndex is 1..shardTotal')
    const run = shard.steps.find((s) => /playwright test/.test(s.run ?? ''))!.run!
    assert.match(run, /--shard=\$\{\{ matrix\.shardIndex \}\}\/\$\{\{ matrix\.shardTotal \}\}/)
    assert.match(run, /--reporter=blob/)
    const upload = shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with ?? assert.fail('shards upload their blob report')
    assert.equal(upload.name, 'blob-report-${{ matrix.shardIndex }}')
    const [, merge] = Object.entries(ci.jobs).find(([, j]) => j.steps.some((s) => /playwright merge-reports/.test(s.run ?? ''))) ?? assert.fail('no merge job')
    assert.ok([merge.needs].flat().includes(shardJob), 'the merge job waits for every shard')
    assert.equal(Number(merge.env?.SHARD_TOTAL), total, 'SHARD_TOTAL in the merge job equals matrix.shardTotal')
    assert.equal(merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))?.with?.pattern, 'blob-report-*')
    const merged = merge.steps.find((s) => /merge-reports/.test(s.run ?? ''))!
    assert.match(merged.run!, /--reporter=html,junit,json/)
    assert.ok(merge.steps.some((s) => /actions\/upload-artifact/.test(s.uses ?? '') && /playwright-report/.test(String(s.with?.path))), 'uploads the HTML report')
    assert.ok(merge.steps.some((s) => /actions\/upload-artifact/.test(s.uses ?? '') && /junit\.xml/.test(String(s.with?.path))), 'uploads the JUnit file')
  })

  it('runs staging on schedule and on demand, and production only on demand, read-only', () => {
    const staging = workflow('staging.yml')
    assert.ok('schedule' in staging.on && 'workflow_dispatch' in staging.on)
    assert.ok(steps(staging).some(({ step }) => /signoff -- --target staging/.test(step.run ?? '')))
    const prod = workflow('production-smoke.yml')
    assert.deepEqual(Object.keys(prod.on), ['workflow_dispatch'])
    const smoke = steps(prod).find(({ step }) => /--grep @smoke/.test(step.run ?? ''))?.step ?? assert.fail('production runs --grep @smoke')
    assert.match(smoke.run!, /--target production/)
    assert.equal(smoke.env?.CONTRACT_READONLY, '1')
  })

  it('hands secrets only to the step that runs the suite, and uploads no env file', () => {
    const problems: string[] = []
    const secretRef = /\$\{\{\s*secrets\./
    for (const w of workflows) {
      if ('pull_request' in w.on && secretRef.test(readFileSync(`${dir}/${w.file}`, 'utf8'))) problems.push(`${w.file}: pull-request workflows get no secrets`)
      if (secretRef.test(JSON.stringify(w.env ?? {}))) problems.push(`${w.file}: secrets in workflow-level env reach every step`)
      for (const [name, j] of Object.entries(w.jobs)) if (secretRef.test(JSON.stringify(j.env ?? {}))) problems.push(`${w.file} job ${name}: secrets in job-level env reach npm ci`)
      for (const { job, step } of steps(w)) {
        const where = `${w.file} job ${job}`
        if (secretRef.test(step.run ?? '')) problems.push(`${where}: a secret inlined into a shell command lands in the script file`)
        if (secretRef.test(JSON.stringify(step.env ?? {})) && !/npm run signoff|playwright test/.test(step.run ?? '')) problems.push(`${where}: only the suite step needs keys (step: ${step.name ?? step.run})`)
        if (/\b(printenv|set -x|env\s*$)/m.test(step.run ?? '')) problems.push(`${where}: prints the environment`)
        if (/upload-artifact/.test(step.uses ?? '') && /\.env|test-results|\*\*/.test(String(step.with?.path))) problems.push(`${where}: uploads ${step.with?.path}`)
      }
    }
    assert.deepEqual(problems, [])
  })
})
