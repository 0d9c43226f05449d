import { InProcessRequest } from '../../../src/mocks/in-process-request.js'
import type { MockService } from '../../../src/mocks/service.js'
import { callService } from './call-service.js'
import { principalFromValidation, type Principal } from './principal.js'

// The API's two calls to the auth service (auth-service.md §2, §4); the host name is a stand-in
const authBase = 'http://auth.internal'
const serviceId = 'platform'

export type Validation =
  | { kind: 'valid'; principal: Principal }
  | { kind: 'invalid'; detail: string }
  | { kind: 'rate-limited' }
  | { kind: 'transient'; detail: string }

/** POST /api/v1/keys/validate, classified by status only, as src/middleware/auth.py does. */
export async function validateKey(
  auth: MockService, key: string, clientIp: string | undefined, options: { timeoutMs: number; fourxxAs503: boolean },
): Promise<Validation> {
  const body = clientIp ? { service_id: serviceId, client_ip: clientIp } : { service_id: serviceId }
  const request = new InProcessRequest(`${authBase}/api/v1/keys/validate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const result = await callService(auth, request, options.timeoutMs)
  if (result.kind === 'timeout') return { kind: 'transient', detail: 'Authentication service timeout' }
  if (result.kind === 'unreachable') return { kind: 'transient', detail: 'Authentication service unavailable' }
  const { status } = result.response
  if (status === 401) return { kind: 'invalid', detail: 'Invalid or expired API key' }
  if (status === 429) return { kind: 'rate-limited' }
  if (status !== 200) {
    // §7 #9: the real code turns a "bad key" 4xx into 503; the intended answer is 401
    const badKey = status >= 400 && status < 500 && !options.fourxxAs503
    return badKey ? { kind: 'invalid', detail: 'Invalid or expired API key' } : { kind: 'transient', detail: 'Authentication service error' }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(await result.response.text())
  } catch {
    return { kind: 'transient', detail: 'Authentication service unavailable' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'invalid', detail: 'Authentication service error' }
  }
  return { kind: 'valid', principal: principalFromValidation(parsed as Record<string, unknown>) }
}

export type Debit = { kind: 'accepted' } | { kind: 'rejected'; reason: string | null; reasonCode: string | null }

/** POST /api/v1/usage/{key_id}/debit before the handler; only a 402 rejects, anything else is fail-open. */
export async function debitUsage(auth: MockService, keyId: string, path: string, timeoutMs: number): Promise<Debit> {
  const body = {
    model_id: /^\/api\/v1\/models\/([^/]+)/.exec(path)?.[1] ?? null,
    endpoint: path,
    response_time_ms: 0,
    status_code: 0,
    service_id: serviceId,
    idempotency_key: `${keyId}-${Date.now()}`,
    compute_ms: 0,
    predictions_count: 1,
  }
  const request = new InProcessRequest(`${authBase}/api/v1/usage/${encodeURIComponent(keyId)}/debit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const result = await callService(auth, request, timeoutMs)
  if (result.kind !== 'response' || result.response.status !== 402) return { kind: 'accepted' }
  let parsed: unknown
  try {
    parsed = JSON.parse(await result.response.text())
  } catch {
    parsed = {}
  }
  const detail = (parsed as { detail?: unknown } | null)?.detail
  if (typeof detail === 'string') return { kind: 'rejected', reason: null, reasonCode: detail }
  if (typeof detail === 'object' && detail !== null) {
    const { error, message, reason } = detail as Record<string, unknown>
    const text = (value: unknown) => (typeof value === 'string' ? value : null)
    return { kind: 'rejected', reason: text(message) ?? text(reason), reasonCode: text(error) }
  }
  return { kind: 'rejected', reason: null, reasonCode: null }
}
