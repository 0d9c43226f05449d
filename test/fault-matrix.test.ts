// The suite's self-verification: for every fault of the mock platform, run the tests the fault concerns
// against a mock with that fault, and check that exactly the expected tests fail, naming the incident.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { faults } from '../mocks/faults/index.js'
import { judgeFault, type FaultVerdict } from './fault-matrix/judge-fault.js'
import { renderFaultsMatrix } from './fault-matrix/render-faults-matrix.js'
import { runSuite } from './fault-matrix/run-suite.js'

const only = process.env.FAULTS?.split(',').filter(Boolean)
const selected = faults.filter((f) => !only || only.includes(f.name))
const verdicts = new Map<string, FaultVerdict>()

// Two faults at a time: each run is a Playwright with its own mock server on a 2-core machine.
test('fault matrix', { concurrency: 2, timeout: 1_500_000 }, async (t) => {
  await Promise.all(selected.map((fault) =>
    t.test(`${fault.name} (${fault.incident}) is caught`, { timeout: 600_000 }, async () => {
      const run = await runSuite({ faults: fault.name, grep: fault.expect.scope.source })
      const verdict = judgeFault(fault, run)
      verdicts.set(fault.name, verdict)
      assert.deepEqual(verdict.problems, [], `${fault.name}: ${run.tests.length} tests in ${run.seconds.toFixed(0)} s`)
    })))
})

test('the healthy mock: every scenario suite passes 5 times in a row, nothing flaky', { skip: only ? 'only some faults ran (FAULTS=…)' : false, timeout: 900_000 }, async () => {
  const run = await runSuite({ args: ['--repeat-each', '5', '--retries', '0'] })
  const bad = run.tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped')
  assert.ok(run.tests.length > 100, `${run.tests.length} test runs`)
  assert.deepEqual(bad.map((t) => `${t.status}: ${t.title}`), [], `exit ${run.exitCode}`)
  assert.equal(run.exitCode, 0, run.output.slice(-1500))
})

test('docs/FAULTS.md is current', { skip: only ? 'only some faults ran (FAULTS=…)' : false }, () => {
  const text = renderFaultsMatrix(faults.map((f) => verdicts.get(f.name)).filter((v): v is FaultVerdict => v !== undefined))
  if (process.env.UPDATE_DOCS) writeFileSync('docs/FAULTS.md', text)
  assert.equal(readFileSync('docs/FAULTS.md', 'utf8'), text, 'docs/FAULTS.md is stale: run `UPDATE_DOCS=1 npm run test:faults`')
})
