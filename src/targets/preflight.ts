import type { Contract } from '../contract/contract.js'
import type { Case } from '../cases/case.js'
import { networkErrorReason } from './network-error.js'
import type { Target } from './target.js'

const TIMEOUT_MS = 5_000

/**
 * One line per host that does not answer at all (any HTTP status counts as an answer), checked in
 * parallel within seconds, so an unreachable target fails once instead of in every test.
 */
export async function unreachableHosts(target: Target): Promise<string[]> {
  const problems = await Promise.all(Object.entries(target.baseUrls).map(async ([host, base]) => {
    const why = await fetch(base, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(async (res) => { await res.body?.cancel(); return undefined }, (error: unknown) => networkErrorReason(error, TIMEOUT_MS))
    return why === undefined ? undefined : `cannot reach ${target.hostVariables[host] ?? host}=${base}: ${why} (preflight)`
  }))
  return problems.filter((p): p is string => p !== undefined)
}

/** The CONTRACT_AUTH_<SCHEME> variables a case's valid credentials need and the target lacks. */
export function missingCredentials(contract: Contract, target: Target, c: Case): string[] {
  return c.request.auth.flatMap((a) => {
    if (a.key !== 'valid') return []
    const variable = contract.variables.find((v) => v.scheme === a.scheme)
    return variable && !target.variables[variable.name] ? [variable.name] : []
  })
}

/** Every credential variable of the contracts that the target does not set: one preflight line. */
export function unsetCredentialVariables(contracts: readonly Contract[], target: Target): string[] {
  const names = contracts.flatMap((c) => c.variables.filter((v) => v.scheme !== undefined && !target.variables[v.name]).map((v) => v.name))
  return [...new Set(names)]
}
