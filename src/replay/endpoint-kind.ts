import { safeDecode } from '../contract/safe-decode.js'

// a segment that names an instance, not an endpoint: numbers, hex/uuid ids, long opaque tokens
const ID_SEGMENT = /^(\d+|[0-9a-f]{8,}|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{24,})$/i

/**
 * The endpoint kind an exchange counts under in the agreement report: method and path without the query,
 * id-like segments as `{id}` and everything after the first id (artifact file paths and the like) as `…`.
 */
export function endpointKind(method: string, path: string): string {
  const pathname = path.split('?')[0]!
  const segments = pathname.split('/')
  const firstId = segments.findIndex((s, i) => i > 0 && ID_SEGMENT.test(safeDecode(s)))
  const kept = firstId === -1 ? segments : [...segments.slice(0, firstId), '{id}', ...(firstId < segments.length - 1 ? ['…'] : [])]
  return `${method.toUpperCase()} ${kept.join('/') || '/'}`
}
