import type { Incident } from '../incidents/classify.js'
import type { PropertyTestReport } from '../properties/run-property-test.js'
import { formatFailure } from './format-failure.js'
import { redact } from './redact.js'

/**
 * A property's failure: the shrunk input's exchange as every failure is printed (check, expected,
 * actual, body, curl), then how to replay it and what else failed in the same run.
 */
export function formatPropertyFailure(report: PropertyTestReport, shownInput: string, incident: Incident | undefined, secrets: readonly string[]): string {
  const failure = report.failure!
  const { exchange, errors, answered } = failure.judged
  const shown = new Set(errors.map((f) => `${f.check} ${exchange.response.status}`))
  const others = [...report.signatures].filter(([key]) => !shown.has(key)).map(([key, n]) => `${key} (${n}×)`)
  const lines = [
    '',
    '  Generated:',
    `    seed       ${report.runSeed}: CONTRACT_SEED=${report.runSeed} replays this run exactly`,
    `    input      ${shownInput}`,
    ...(failure.judged.steps ? [`    sequence   ${failure.judged.steps.join(', ')}`] : []),
    `    shrunk     smallest failing input after ${failure.shrinks} shrink${failure.shrinks === 1 ? '' : 's'}; ${report.tried} inputs tried`,
    ...(others.length > 0 ? [`    also       ${others.join(', ')}: other failures of this test (one line per check and status)`] : []),
  ]
  return formatFailure(errors, exchange, incident, answered, secrets) + '\n' + redact(lines.join('\n'), secrets)
}
