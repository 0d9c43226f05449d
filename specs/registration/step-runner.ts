import type { Exchange } from '../../src/index.js'
import { formatStepFailure, StepFailure } from './step-failure.js'

/** What a spec may say about one request (a subset of the `send` fixture's input). */
export interface CallInput {
  path?: Record<string, string>
  query?: Record<string, string | number>
  headers?: Record<string, string>
  body?: unknown
  rawBody?: string
  url?: string
  expect?: number[]
}

/** The Playwright side, injected so this module stays free of the runner (and testable with fakes). */
export interface FlowIo {
  send(operationId: string, input: CallInput): Promise<Exchange>
  /** The contract matcher's failure message, or undefined when every contract check passes. */
  judge(x: Exchange): Promise<string | undefined>
  step<T>(title: string, body: (skip: (reason: string) => void) => Promise<T>): Promise<T>
  note(type: string, description: string): void
  trackingUri: string // MLFLOW_TRACKING_URI: every MLflow call is built on it, as an MLflow client does
  secrets: readonly string[]
}

export interface StepRunner {
  step<T>(title: string, body: (skip: (reason: string) => void) => Promise<T>): Promise<T>
  /** An MLflow REST call: {MLFLOW_TRACKING_URI}/api/2.0/mlflow/<rpc>, checked against `operationId`. */
  mlflow(operationId: string, rpc: string, input?: CallInput, errorCode?: string): Promise<Exchange>
  /** An artifact call: {MLFLOW_TRACKING_URI}/api/2.0/mlflow-artifacts/artifacts[/<path>]. */
  artifacts(operationId: string, artifactPath: string | undefined, input?: CallInput): Promise<Exchange>
  /** A call on the operation's own host (not an MLflow client call). */
  call(operationId: string, input?: CallInput): Promise<Exchange>
  /** A string at a dotted path of the JSON body; fails the step when absent. */
  read(x: Exchange, path: string): string
  /** Fails the step unless the value at `path` equals `want`. */
  expectField(x: Exchange, path: string, want: unknown): void
  fail(x: Exchange, problem: string): never
  readonly io: FlowIo
}

export function createStepRunner(io: FlowIo): StepRunner {
  let current = '(before the first step)'
  const fail = (x: Exchange, problem?: string, contractMessage?: string): never => {
    throw new StepFailure(formatStepFailure({ step: current, exchange: x, problem, contractMessage, secrets: io.secrets }), current)
  }
  const call = async (operationId: string, input: CallInput = {}, errorCode?: string) => {
    const x = await io.send(operationId, input)
    const contractMessage = await io.judge(x)
    const code = valueAt(x.response.json, 'error_code')
    const { status } = x.response
    // Own status check too: a contract check that tolerates a known deviation must not pass a failed delete.
    const wrongStatus = contractMessage === undefined && (input.expect ? !input.expect.includes(status) : status >= 300)
    const problem = wrongStatus ? `expected status ${input.expect?.join(' or ') ?? '2xx'}, got ${status}`
      : errorCode !== undefined && code !== errorCode ? `expected error_code ${errorCode}, got ${code ?? 'none'}` : undefined
    if (contractMessage !== undefined || problem !== undefined) fail(x, problem, contractMessage)
    return x
  }
  const base = io.trackingUri.replace(/\/+$/, '')
  return {
    io,
    step: (title, body) => io.step(title, (skip) => {
      current = title
      return body(skip)
    }),
    mlflow: (operationId, rpc, input = {}, errorCode) => call(operationId, { ...input, url: `${base}/api/2.0/mlflow/${rpc}` }, errorCode),
    artifacts: (operationId, artifactPath, input = {}) =>
      call(operationId, { ...input, url: `${base}/api/2.0/mlflow-artifacts/artifacts${artifactPath ? `/${artifactPath}` : ''}` }),
    call: (operationId, input) => call(operationId, input),
    read(x, path) {
      const v = valueAt(x.response.json, path)
      if (typeof v !== 'string' || v === '') fail(x, `the answer has no ${path}`)
      return v as string
    },
    expectField(x, path, want) {
      const got = valueAt(x.response.json, path)
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(x, `expected ${path} = ${JSON.stringify(want)}, got ${JSON.stringify(got) ?? 'nothing'}`)
    },
    fail: (x, problem) => fail(x, problem),
  }
}

/** `run.info.run_id` → the value inside a JSON body; numeric parts index arrays. */
export function valueAt(json: unknown, path: string): unknown {
  let v: unknown = json
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[part]
  }
  return v
}
