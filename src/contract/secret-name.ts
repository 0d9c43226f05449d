/**
 * Variables whose values are secrets by name: masked everywhere, whether or not the contract says so.
 * MOCK_KEY_<PRINCIPAL> are a mock's principal keys (src/targets/mock-principals.ts).
 */
export function isSecretName(name: string): boolean {
  return /_(KEY|TOKEN|SECRET|PASSWORD)$/.test(name) || name.startsWith('CONTRACT_AUTH_') || name.startsWith('MOCK_KEY_')
}
