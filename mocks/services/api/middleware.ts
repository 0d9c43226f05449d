import type { MockService } from '../../../src/mocks/service.js'
import { debitUsage, validateKey } from './auth-client.js'
import { detailResponse, jsonResponse } from './fastapi-responses.js'
import { extractApiKey } from './key-source.js'
import { isRegistryAdmin, type Principal } from './principal.js'
import { isRegistryPath } from './registry-path.js'
import type { ApiSettings } from './settings.js'

// APIKeyAuthMiddleware (hokusai-api.md §4, auth-service.md §3): order is key → validate →
// registry-admin gate → balance → debit → handler.

const publicPrefixes = [
  '/health', '/ready', '/live', '/version', '/metrics', '/docs', '/openapi.json', '/redoc', '/favicon.ico',
  '/api/v1/dspy/health', '/api/health/mlflow',
]
const contributionPath = /^\/api\/v1\/models\/[^/]+\/contributions\/?$/

export type MiddlewareResult = { kind: 'respond'; response: Response } | { kind: 'next'; principal?: Principal }

/** The excluded list is matched with startswith, so `/healthz` and `/health/mlflow/reset` are public too. */
export function isPublicPath(method: string, path: string, settings: ApiSettings): boolean {
  // intended (§7 #8): the state-changing reset needs a key despite the /health prefix
  if (!settings.healthResetPublic && method === 'POST' && /^\/health\/mlflow\/reset\/?$/.test(path)) return false
  return publicPrefixes.some((prefix) => path.startsWith(prefix))
}

function clientIpOf(request: Request): string | undefined {
  const hop = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return hop || undefined
}

const respond = (response: Response): MiddlewareResult => ({ kind: 'respond', response })

export async function apiKeyMiddleware(
  request: Request, deps: { auth: MockService; settings: ApiSettings },
): Promise<MiddlewareResult> {
  const { auth, settings } = deps
  const path = new URL(request.url).pathname
  if (request.method === 'OPTIONS' || isPublicPath(request.method, path, settings)) return { kind: 'next' }
  if (settings.authBypass) return { kind: 'next' }

  const key = extractApiKey(request)
  if (!key) return respond(detailResponse('API key required', 401))

  const validation = await validateKey(auth, key, clientIpOf(request), {
    timeoutMs: settings.authTimeoutMs, fourxxAs503: settings.auth4xxAs503,
  })
  switch (validation.kind) {
    case 'transient': return respond(detailResponse(validation.detail, 503, { 'retry-after': '1' }))
    case 'rate-limited': return respond(detailResponse('Rate limit exceeded', 429, { 'retry-after': '60' }))
    case 'invalid': return respond(detailResponse(validation.detail, 401))
  }
  const { principal } = validation

  if (isRegistryPath(path)) {
    if (isRegistryAdmin(principal)) return { kind: 'next', principal }
    return respond(jsonResponse(
      { detail: 'Admin access required for the model registry', error: 'REGISTRY_ADMIN_REQUIRED' }, 403,
    ))
  }
  if (!principal.hasSufficientBalance) return respond(detailResponse('Insufficient balance', 402))

  const exempt = request.method === 'POST' && contributionPath.test(path)
  if (principal.keyId !== null && !exempt) {
    const debit = await debitUsage(auth, principal.keyId, path, settings.authTimeoutMs)
    if (debit.kind === 'rejected') {
      return respond(jsonResponse(
        { error: 'usage_debit_rejected', reason: debit.reason, reason_code: debit.reasonCode }, 402,
      ))
    }
  }
  return { kind: 'next', principal }
}
