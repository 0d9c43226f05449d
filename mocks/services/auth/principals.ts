// The principals of auth-service.md §9: together they drive every branch of the API's auth
// middleware. `gatewayz-user` is the Gatewayz chat key; the Hokusai auth service rejects it.

export const principalNames = [
  'admin', 'admin-scope', 'writer', 'reader', 'broke', 'debit-reject', 'no-keyid',
  'invalid', 'ratelimited', 'auth-down', 'bad-shape', 'gatewayz-user',
] as const

export type PrincipalName = (typeof principalNames)[number]

/** How the auth service answers validate for one principal (auth-service.md §9). */
export type ValidateBehaviour =
  | { kind: 'valid'; scopes: string[]; isAdmin: boolean; keyId: boolean; sufficientBalance: boolean; debit: 'accept' | 'reject' }
  | { kind: 'status'; status: 401 | 429 | 500 }
  | { kind: 'non-object' }

const valid = (scopes: string[], more: Partial<Extract<ValidateBehaviour, { kind: 'valid' }>> = {}): ValidateBehaviour =>
  ({ kind: 'valid', scopes, isAdmin: false, keyId: true, sufficientBalance: true, debit: 'accept', ...more })

export const principalBehaviour: Readonly<Record<PrincipalName, ValidateBehaviour>> = {
  admin: valid(['model:read', 'model:write', 'mlflow:admin'], { isAdmin: true }),
  'admin-scope': valid(['mlflow:admin']),
  writer: valid(['model:write']),
  reader: valid(['model:read']),
  broke: valid(['model:read', 'model:write'], { sufficientBalance: false }),
  'debit-reject': valid(['model:read', 'model:write'], { debit: 'reject' }),
  'no-keyid': valid(['model:read', 'model:write'], { keyId: false }),
  invalid: { kind: 'status', status: 401 },
  ratelimited: { kind: 'status', status: 429 },
  'auth-down': { kind: 'status', status: 500 },
  'bad-shape': { kind: 'non-object' },
  'gatewayz-user': { kind: 'status', status: 401 },
}

/** The key id the auth service reports for a principal (null for `no-keyid`). */
export function keyIdOf(name: PrincipalName): string | null {
  const behaviour = principalBehaviour[name]
  return behaviour.kind === 'valid' && behaviour.keyId ? `key-${name}-1` : null
}
