import { principalNames, type PrincipalName } from './principals.js'

/** Switches a fault flips on the mock auth service; the defaults are the healthy service. */
export interface AuthSettings {
  /** principals that lost registry-admin status (incident registration-broken): validate drops is_admin and admin scopes */
  registryAdminRevoked: readonly PrincipalName[]
  /** `service_id` values the service accepts (commit 2c4d840) */
  serviceIds: readonly string[]
}

export const defaultAuthSettings: Readonly<AuthSettings> = Object.freeze({
  registryAdminRevoked: [],
  serviceIds: ['website', 'prediction', 'platform'],
})

/** Defaults overlaid with overrides; an unknown principal name is an error, not a silent no-op. */
export function resolveAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  const settings = { ...defaultAuthSettings, ...overrides }
  const unknown = settings.registryAdminRevoked.filter((name) => !principalNames.includes(name))
  if (unknown.length > 0) {
    throw new Error(`contractwright: auth mock setting registryAdminRevoked names unknown principals: ${unknown.join(', ')} (known: ${principalNames.join(', ')})`)
  }
  return settings
}
