// The mock auth service's principals (mocks/services/auth/principals.ts) each get a synthetic key, which
// the mock server writes to its env file as MOCK_KEY_<PRINCIPAL>. They are not contract variables, so
// the resolved target does not carry them; this turns those lines into principal → key.

/** `MOCK_KEY_DEBIT_REJECT=…` → `{ 'debit-reject': … }`; every other variable is ignored. */
export function principalKeys(vars: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const [name, value] of Object.entries(vars)) {
    const principal = /^MOCK_KEY_([A-Z0-9_]+)$/.exec(name)?.[1]
    if (principal && value) keys[principal.toLowerCase().replace(/_/g, '-')] = value
  }
  return keys
}
