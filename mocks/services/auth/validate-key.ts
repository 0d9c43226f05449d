import { authError, invalidBody, json, readObjectBody } from './json-answers.js'
import type { AuthSettings } from './auth-settings.js'
import { principalOfKey, type KeyTable } from './key-table.js'
import { keyIdOf, principalBehaviour, type PrincipalName } from './principals.js'

// Registry-admin scopes (auth-service.md §5) removed when a principal loses admin status
const adminScopes = new Set(['admin', 'mlflow:admin', 'registry:admin', 'model-registry:admin'])

/** POST /api/v1/keys/validate (auth-service.md §2): the key comes only from `Authorization: Bearer`. */
export async function validateKey(request: Request, keys: KeyTable, settings: AuthSettings): Promise<Response> {
  const body = await readObjectBody(request)
  if (body instanceof Response) return body
  const serviceId = body.service_id
  if (serviceId === undefined) return invalidBody('service_id', 'Field required')
  if (typeof serviceId !== 'string') return invalidBody('service_id', 'Input should be a valid string')
  if (!settings.serviceIds.includes(serviceId)) {
    return authError(400, 'INVALID_SERVICE_ID', `Unknown service_id; accepted: ${settings.serviceIds.join(', ')}`)
  }
  if (body.client_ip !== undefined && typeof body.client_ip !== 'string') return invalidBody('client_ip', 'Input should be a valid string')

  const authorization = request.headers.get('authorization') ?? ''
  const key = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : ''
  if (key === '') return authError(401, 'API_KEY_REQUIRED', 'API key required')
  const name = principalOfKey(keys, key)
  if (name === undefined) return invalidKey()
  return answerFor(name, serviceId, settings)
}

function answerFor(name: PrincipalName, serviceId: string, settings: AuthSettings): Response {
  const behaviour = principalBehaviour[name]
  if (behaviour.kind === 'non-object') return json([])
  if (behaviour.kind === 'status') {
    if (behaviour.status === 429) return authError(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', { 'retry-after': '60' })
    if (behaviour.status === 500) return authError(500, 'INTERNAL_ERROR', 'Internal server error')
    return invalidKey()
  }
  const revoked = settings.registryAdminRevoked.includes(name)
  return json({
    user_id: `user-${name}-1`,
    email: `${name}@example.test`,
    key_id: keyIdOf(name),
    service_id: serviceId,
    scopes: revoked ? behaviour.scopes.filter((scope) => !adminScopes.has(scope)) : behaviour.scopes,
    roles: [],
    is_admin: behaviour.isAdmin && !revoked,
    rate_limit_per_hour: 1000,
    has_sufficient_balance: behaviour.sufficientBalance,
    balance: behaviour.sufficientBalance ? 10.0 : 0.0,
  })
}

const invalidKey = () => authError(401, 'INVALID_API_KEY', 'Invalid or expired API key')
