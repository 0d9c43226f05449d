import { redact } from './redact.js'

/** A copy-paste reproduction of a request, secrets masked. */
export function toCurl(request: { method: string; url: string; headers: Record<string, string>; body: string | undefined }, secrets: readonly string[]): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const parts = [`curl -X ${request.method} ${quote(request.url)}`]
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`)
  if (request.body !== undefined) parts.push(`--data ${quote(request.body.length > 2000 ? request.body.slice(0, 2000) + '…' : request.body)}`)
  return redact(parts.join(' \\\n    '), secrets)
}
