import type { Contract } from '../contract/contract.js'
import { redact } from '../report/redact.js'
import { resolveTarget, targetName } from '../targets/resolve-target.js'

/**
 * The target's base URLs for the sign-off record, never its keys: resolved as the suite resolves
 * them; when the target's variables are not at hand (`--from-results` on another machine), the
 * contract's `servers` for that environment.
 */
export function targetBaseUrls(contracts: readonly Contract[], env: NodeJS.ProcessEnv): { baseUrls: Record<string, string>; secrets: string[] } {
  let urls: Record<string, string> = {}
  let secrets: string[] = []
  try {
    const target = resolveTarget(contracts, env)
    urls = target.baseUrls
    secrets = target.secrets
  } catch {
    const name = targetName(env)
    for (const c of contracts) for (const s of c.servers) if (s.environment === name && s.host && !urls[s.host]) urls[s.host] = s.url
  }
  const baseUrls = Object.fromEntries(Object.entries(urls).map(([host, url]) => [host, redact(withoutCredentials(url), secrets)]))
  return { baseUrls, secrets } // the secrets mask the written sign-off once more
}

// A base URL may carry userinfo or a query key; the record keeps scheme, host, port and path only.
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname.replace(/\/+$/, '')}`
  } catch {
    return '(not a URL)'
  }
}
