// Where APIKeyAuthMiddleware reads the key (hokusai-api.md §4.1): first match wins.

/** The caller's key, '' for `Bearer ` with nothing after it (→ 401, no fall-through), undefined when absent. */
export function extractApiKey(request: Request): string | undefined {
  const authorization = request.headers.get('authorization')
  if (authorization !== null) {
    // both prefixes are case-sensitive; another scheme (`bearer x`, `Basic …`) falls through.
    // Fetch trims header values, so `Bearer ` with nothing after it arrives as `Bearer`.
    for (const scheme of ['Bearer', 'ApiKey']) {
      if (authorization === scheme || authorization.startsWith(`${scheme} `)) return authorization.slice(scheme.length).trim()
    }
  }
  const header = request.headers.get('x-api-key')
  if (header) return header
  const query = new URL(request.url).searchParams.get('api_key')
  return query || undefined
}
