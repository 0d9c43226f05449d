// The validated caller, read from the auth service's 200 body (auth-service.md §2).

export interface Principal {
  userId: string | null
  email: string | null
  keyId: string | null
  serviceId: string | null
  scopes: string[]
  roles: string[]
  isAdmin: boolean
  rateLimitPerHour: number
  hasSufficientBalance: boolean
}

// REGISTRY_ADMIN_SCOPES default; no admin email list is configured in the mock
const registryAdminScopes = new Set(['admin', 'mlflow:admin', 'registry:admin', 'model-registry:admin'])

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** Top-level fields win over the nested `user` variant. */
export function principalFromValidation(body: Record<string, unknown>): Principal {
  const user = typeof body.user === 'object' && body.user !== null ? (body.user as Record<string, unknown>) : {}
  return {
    userId: stringOrNull(body.user_id ?? user.id),
    email: stringOrNull(body.email ?? user.email),
    keyId: stringOrNull(body.key_id),
    serviceId: stringOrNull(body.service_id),
    scopes: strings(body.scopes),
    roles: strings(body.roles ?? user.roles),
    isAdmin: (body.is_admin ?? user.is_admin) === true,
    rateLimitPerHour: typeof body.rate_limit_per_hour === 'number' ? body.rate_limit_per_hour : 1000,
    hasSufficientBalance: body.has_sufficient_balance !== false,
  }
}

export function isRegistryAdmin(principal: Principal): boolean {
  return principal.isAdmin || [...principal.scopes, ...principal.roles].some((scope) => registryAdminScopes.has(scope))
}
