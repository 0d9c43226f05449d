// A mock can serve several principals (users, scopes, broken accounts), each with its own key. Its env
// file names them `MOCK_KEY_<PRINCIPAL>=<key>` (the built-in platform's auth service writes one line
// per principal); the mock target offers each as the credential `mock:<principal>`, masked like any key,
// so `send(op, { auth: 'valid', credential: 'mock:admin' })` authenticates as that principal.

/** The credential-name prefix of a mock principal. */
export const MOCK_PRINCIPAL = 'mock:'

/** `MOCK_KEY_DEBIT_REJECT=…` → `{ 'debit-reject': … }`; every other variable is ignored. */
export function principalKeys(vars: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const [name, value] of Object.entries(vars)) {
    const principal = /^MOCK_KEY_([A-Z0-9_]+)$/.exec(name)?.[1]
    if (principal && value) keys[principal.toLowerCase().replace(/_/g, '-')] = value
  }
  return keys
}

/** The principals as credentials: `{ 'mock:admin': … }`. */
export function principalCredentials(vars: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(principalKeys(vars)).map(([principal, key]) => [MOCK_PRINCIPAL + principal, key]))
}
