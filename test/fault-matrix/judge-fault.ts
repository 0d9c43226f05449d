import type { Fault } from '../../src/mocks/index.js'
import type { SuiteRun, TestOutcome } from './run-suite.js'

export interface FaultVerdict {
  fault: string
  incident: string
  problems: string[] // empty: the suite caught the fault exactly
  failed: TestOutcome[]
  firstLine: string // the line of the first failure's message naming the incident
}

const FAILED = new Set(['failed', 'timedOut', 'interrupted'])

/** The fault matrix's four questions for one fault run: failed at all, the right tests, the right words, no collateral. */
export function judgeFault(fault: Fault, run: SuiteRun): FaultVerdict {
  const { failing, message } = fault.expect
  const failed = run.tests.filter((t) => FAILED.has(t.status))
  const problems: string[] = []
  if (run.tests.length === 0) problems.push(`no test ran (scope ${fault.expect.scope}); output:\n${run.output.slice(-1500)}`)
  if (run.exitCode === 0) problems.push('the run passed: the suite did not notice the fault')
  if (failed.length > 0 && !failed.some((t) => failing.test(t.title))) problems.push(`no test matching ${failing} failed`)
  for (const t of failed) {
    if (!failing.test(t.title)) problems.push(`collateral failure (does not match ${failing}): ${t.title}\n    ${firstMeaningfulLine(t.message)}`)
    else if (!message.test(t.message)) problems.push(`failure does not name the incident (${message}): ${t.title}\n    ${firstMeaningfulLine(t.message)}`)
  }
  for (const t of run.tests) if (t.status === 'flaky') problems.push(`flaky: ${t.title}`)
  const first = failed.find((t) => message.test(t.message)) ?? failed[0]
  return { fault: fault.name, incident: fault.incident, problems, failed, firstLine: first ? incidentLine(first.message, message) : '' }
}

function firstMeaningfulLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('Error:')) ?? ''
}

/** The message line that names the incident, for docs/FAULTS.md. */
function incidentLine(text: string, message: RegExp): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  return (lines.find((l) => message.test(l)) ?? lines.find((l) => /^incident\s/.test(l)) ?? lines[0] ?? '').replace(/\s+/g, ' ').slice(0, 160)
}
