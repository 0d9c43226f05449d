import type { APIRequestContext } from '@playwright/test'
import type { Case } from '../cases/case.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { buildRequest } from '../targets/build-request.js'
import type { Target } from '../targets/target.js'
import { redact } from '../report/redact.js'
import type { ContractRuntime } from './contract-runtime.js'

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
const MAX_RETRIES = 2
const MAX_RETRY_AFTER_S = 5

/** Sends one case over real HTTP and records the exchange. Retries only idempotent requests on live targets. */
export async function sendCase(api: APIRequestContext, runtime: ContractRuntime, target: Target, c: Case, unique: () => string): Promise<Exchange> {
  const wire = buildRequest(runtime.contract, target, c, unique)
  const live = target.name !== 'mock'
  for (let attempt = 0; ; attempt++) {
    const started = performance.now()
    try {
      const res = await api.fetch(wire.url, {
        method: wire.method, headers: wire.headers, data: wire.body, failOnStatusCode: false, maxRedirects: 0, timeout: target.timeoutMs,
      })
      const elapsedMs = performance.now() - started
      const retryAfter = Number(res.headers()['retry-after'])
      if (live && IDEMPOTENT.has(wire.method) && attempt < MAX_RETRIES && (res.status() === 429 || res.status() === 503) && retryAfter <= MAX_RETRY_AFTER_S) {
        await new Promise((r) => setTimeout(r, retryAfter * 1000))
        continue
      }
      return { case: c, target: target.name, request: wire, response: parseResponse(res.status(), res.headers(), await res.text()), elapsedMs }
    } catch (error) {
      if (live && IDEMPOTENT.has(wire.method) && attempt < MAX_RETRIES) continue
      // Playwright's message carries the URL (query keys included) and a call log: keep one redacted line.
      const hostVar = target.hostVariables[c.request.host] ?? c.request.host
      const first = String((error as Error).message).split('\n')[0]!.replace(/^apiRequestContext\.fetch:\s*/, '')
      throw new Error(redact(`contractwright: cannot reach ${hostVar}=${target.baseUrls[c.request.host]}: ${first}`, target.secrets))
    }
  }
}
