import { redact } from '../../src/index.js'
import { diagnose, type RecordedExchange } from './diagnose.js'

export interface StepFailureInput {
  step: string // the flow step, e.g. "2. experiment"
  exchange: RecordedExchange
  problem?: string // a flow-level finding on an answer the contract accepts (wrong name, not byte-identical …)
  contractMessage?: string // the toMatchContract() message, when the contract checks failed
  secrets: readonly string[]
}

const LABEL = 11
const MAX_BODY = 600

/**
 * The message of a failed registration step: which step, the request (secrets masked), status, body,
 * who answered and the likely cause, then the contract checks' own message. Pure.
 */
export function formatStepFailure({ step, exchange, problem, contractMessage, secrets }: StepFailureInput): string {
  const { request, response } = exchange
  const d = diagnose(exchange)
  // On an accepted 2xx the flow's own finding is the cause; the signature table is about error answers.
  const likely = response.status >= 400 || problem === undefined ? d.cause : undefined
  const body = response.text.length > MAX_BODY ? `${response.text.slice(0, MAX_BODY)}… (${response.text.length} bytes)` : response.text
  const line = (label: string, value: string | undefined) =>
    (value === undefined ? [] : [`  ${label.padEnd(LABEL)}${value.replace(/\n/g, `\n  ${' '.repeat(LABEL)}`)}`])
  const lines = [
    // the headline carries the likely cause: one-line summaries (JUnit, dot reporter) keep it
    `registration step "${step}" failed: ${likely ?? problem}`,
    '',
    ...line('request', `${request.method} ${request.url}`),
    ...line('status', `${response.status} ${response.contentType ?? '(no content type)'}`),
    ...line('answered', d.answered),
    ...line('problem', likely === undefined ? undefined : problem),
    ...line('body', body || '(empty)'),
    ...(contractMessage ? ['', '  contract checks:', ...contractMessage.split('\n').map((l) => `    ${l}`)] : []),
  ]
  return redact(lines.join('\n'), secrets)
}

/** A failed step; `message` is already redacted. */
export class StepFailure extends Error {
  constructor(message: string, readonly step: string) {
    super(message)
    this.name = 'StepFailure'
  }
}
