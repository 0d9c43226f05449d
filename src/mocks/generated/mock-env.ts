import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import type { Contract } from '../../contract/contract.js'

const fresh = () => `cw-mock-${randomBytes(12).toString('hex')}`

/**
 * The credential a generated mock accepts per security scheme name: fresh random values per run, so
 * "a wrong key is refused" is tested for real and no value is the same twice; basic schemes get
 * `user:password`. A platform contract's keys (x-variables credentials, roles) are not the generated
 * mock's to judge: it accepts any credential there, and its behavioural mock does the rest.
 */
export function mockCredentials(contracts: readonly Contract[]): Record<string, string> {
  const credentials: Record<string, string> = {}
  for (const scheme of contracts.filter((c) => c.plain).flatMap((c) => Object.values(c.securitySchemes))) {
    credentials[scheme.name] ??= scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic' ? `cw-user:${fresh()}` : fresh()
  }
  return credentials
}

/** The variables a suite reads to reach the mock: every host's base URL and each scheme's credential (CONTRACT_BASE_URL, CONTRACT_AUTH_<SCHEME>, or a platform's x-variables). */
export function mockVariables(contracts: readonly Contract[], baseUrl: string, credentials: Readonly<Record<string, string>>): Record<string, string> {
  const variables: Record<string, string> = {}
  for (const v of contracts.flatMap((c) => c.variables)) {
    if (v.host) variables[v.name] = baseUrl
    else if (v.scheme && credentials[v.scheme]) variables[v.name] = credentials[v.scheme]!
    else if (v.credential) variables[v.name] = fresh()
  }
  return variables
}

/** A dotenv file only its owner can read (it holds test credentials). */
export function writeMockEnvFile(file: string, variables: Record<string, string>, header: string): void {
  const lines = Object.entries(variables).map(([name, value]) => `${name}=${value}`)
  writeFileSync(file, `# ${header}\n${lines.join('\n')}\n`, { mode: 0o600 })
}
