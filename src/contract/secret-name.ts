/** Variables whose values are secrets by name: masked everywhere, whether or not the contract says so. */
export function isSecretName(name: string): boolean {
  return /_(KEY|TOKEN|SECRET|PASSWORD)$/.test(name) || name.startsWith('CONTRACT_AUTH_')
}
