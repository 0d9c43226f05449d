import type { SecuritySchemeSpec, VariableSpec } from './contract.js'

export const BASE_URL_VARIABLE = 'CONTRACT_BASE_URL'
export const PLAIN_HOST = 'default'

/** `CONTRACT_AUTH_<SCHEME>`: the scheme's name upper-cased, every other character than A-Z and 0-9 as `_`. */
export function credentialVariable(scheme: string): string {
  return `CONTRACT_AUTH_${scheme.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
}

const WHAT: Record<string, string> = {
  'http:basic': 'user:password for HTTP Basic',
  'http:bearer': 'a bearer token',
  oauth2: 'a ready OAuth 2 access token (sent as a bearer token)',
  openIdConnect: 'a ready OpenID Connect token (sent as a bearer token)',
}

/**
 * The variables of a document without `x-variables`: one host whose base URL is CONTRACT_BASE_URL
 * (else, on live targets, the document's first `servers` entry), and one optional credential per
 * security scheme. A secured operation whose credential is unset is skipped, naming the variable.
 */
export function plainVariables(serverUrl: string | undefined, schemes: readonly SecuritySchemeSpec[]): VariableSpec[] {
  const base: VariableSpec = {
    name: BASE_URL_VARIABLE, description: 'base URL of the API (unset: the mock generated from the document)',
    host: PLAIN_HOST, secret: false, credential: undefined, scheme: undefined, optional: false, default: undefined,
    serverDefault: serverUrl, generatedMock: true,
  }
  return [base, ...schemes.map((s): VariableSpec => ({
    name: credentialVariable(s.name),
    description: `${WHAT[`${s.type}:${s.scheme}`] ?? WHAT[s.type] ?? (s.type === 'apiKey' ? `the API key sent in ${s.in} "${s.parameterName}"` : `a credential`)} (security scheme "${s.name}")`,
    host: undefined, secret: true, credential: undefined, scheme: s.name, optional: true, default: undefined,
    serverDefault: undefined, generatedMock: false,
  }))]
}

/** The first `servers` entry as an absolute URL, its `{variables}` filled with their defaults; relative ones resolve against a document URL. */
export function firstServerUrl(servers: unknown, documentLocation: string): string | undefined {
  const first = Array.isArray(servers) ? (servers[0] as { url?: unknown; variables?: Record<string, { default?: unknown }> } | undefined) : undefined
  if (!first || typeof first.url !== 'string') return undefined
  const filled = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => String(first.variables?.[name]?.default ?? whole))
  try {
    return new URL(filled, /^https?:/i.test(documentLocation) ? documentLocation : undefined).href.replace(/\/+$/, '')
  } catch {
    return undefined // a relative URL in a local file: there is nothing to resolve it against
  }
}
