import type { KeyTable } from './services/auth/index.js'

/**
 * The .env file `npm run mock` writes: the contract's variable names (contracts/<platform>/openapi.yaml
 * x-variables) pointing at the mock, the generated keys, and the active faults.
 */
export function renderMockEnv(urls: Readonly<Record<string, string>>, keys: KeyTable, faults: readonly string[]): string {
  const url = (host: string) => {
    const found = urls[host]
    if (found === undefined) throw new Error(`contractwright: the mock serves no host "${host}" (served: ${Object.keys(urls).join(', ')})`)
    return found
  }
  const lines = [
    '# Written by mocks/server.ts (npm run mock); regenerated on every start. Synthetic test keys only.',
    `HOKUSAI_API_URL=${url('api')}`,
    `HOKUSAI_REGISTRY_URL=${url('registry')}`,
    `HOKUSAI_AUTH_URL=${url('auth')}`,
    `MLFLOW_TRACKING_URI=${url('registry')}/api/mlflow`,
    `HOKUSAI_API_KEY=${keys.admin}`,
    `HOKUSAI_READONLY_KEY=${keys.writer}`,
    `GATEWAYZ_URL=${url('catalog')}`,
    `GATEWAYZ_API_KEY=${keys['gatewayz-user']}`,
    ...Object.entries(keys).map(([principal, key]) => `MOCK_KEY_${principal.toUpperCase().replace(/-/g, '_')}=${key}`),
    `MOCK_FAULTS=${faults.join(',')}`,
  ]
  return `${lines.join('\n')}\n`
}
