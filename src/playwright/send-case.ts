import type { Case } from '../cases/case.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { buildRequest } from '../targets/build-request.js'
import type { Target } from '../targets/target.js'
import { redact } from '../report/redact.js'
import { networkErrorReason } from '../targets/network-error.js'
import type { ContractRuntime } from './contract-runtime.js'

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
const MAX_RETRIES = 2
const MAX_RETRY_AFTER_S = 5

/**
 * Sends one case over real HTTP with Node's fetch and records the exchange. Not Playwright's
 * APIRequestContext: every call through it becomes a report step and a trace entry carrying the URL
 * (query keys) and headers in clear text. Retries only idempotent requests, only on live targets.
 */
export async function sendCase(runtime: ContractRuntime, target: Target, c: Case, unique: () => string): Promise<Exchange> {
  const wire = buildRequest(runtime.contract, target, c, unique)
  const live = target.name !== 'mock'
  for (let attempt = 0; ; attempt++) {
    const started = performance.now()
    try {
      const res = await fetch(wire.url, {
        method: wire.method, headers: wire.headers, body: wire.body, redirect: 'manual', signal: AbortSignal.timeout(target.timeoutMs),
      })
      const text = await res.text()
      const elapsedMs = performance.now() - started
      const retryAfter = Number(res.headers.get('retry-after'))
      if (live && IDEMPOTENT.has(wire.method) && attempt < MAX_RETRIES && (res.status === 429 || res.status === 503) && retryAfter <= MAX_RETRY_AFTER_S) {
        await new Promise((r) => setTimeout(r, retryAfter * 1000))
        continue
      }
      return { case: c, target: target.name, request: wire, response: parseResponse(res.status, Object.fromEntries(res.headers), text), elapsedMs }
    } catch (error) {
      if (live && IDEMPOTENT.has(wire.method) && attempt < MAX_RETRIES) continue
      const hostVar = target.hostVariables[c.request.host] ?? c.request.host
      const why = networkErrorReason(error, target.timeoutMs)
      const unreachable = new Error(redact(`contractwright: cannot reach ${hostVar}=${target.baseUrls[c.request.host] ?? wire.url}: ${why}`, target.secrets))
      unreachable.stack = unreachable.message // the message says it all; frames inside this library would not help
      throw unreachable
    }
  }
}
