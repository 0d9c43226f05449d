import type { Operation } from '../../contract/contract.js'
import { safeDecode } from '../../contract/safe-decode.js'

/** One path template of the document and the operation behind each of its methods. */
export interface Route {
  template: string
  /** `{name}` segments in order; their values come from the matched path */
  names: string[]
  byMethod: Map<string, Operation>
  pattern: RegExp | undefined // undefined: a path without parameters, matched exactly
}

export type RouteMatch =
  | { found: true; route: Route; op: Operation; params: Record<string, string> }
  | { found: false; status: 404 }
  | { found: false; status: 405; allow: string[] }

/**
 * The document's paths as a lookup: exact paths in a map, templated ones as one regular expression
 * each, more literal segments first (`/pets/mine` before `/pets/{id}`, as OpenAPI says), so a request
 * costs one map probe for most APIs.
 */
export interface RouteTable {
  routes: Route[]
  match(method: string, pathname: string): RouteMatch
}

export function buildRouteTable(operations: readonly Operation[]): RouteTable {
  const byTemplate = new Map<string, Route>()
  for (const op of operations) {
    let route = byTemplate.get(op.path)
    if (!route) {
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const pattern = names.length === 0 ? undefined : new RegExp(`^${op.path.split(/\{[^}]+\}/).map(escape).join('([^/]+)')}/?$`)
      byTemplate.set(op.path, (route = { template: op.path, names, byMethod: new Map(), pattern }))
    }
    if (!route.byMethod.has(op.method)) route.byMethod.set(op.method, op)
  }
  const routes = [...byTemplate.values()]
  const exact = new Map(routes.filter((r) => !r.pattern).map((r) => [r.template, r]))
  const literalLength = (r: Route) => r.template.replace(/\{[^}]+\}/g, '').length
  const templated = routes.filter((r) => r.pattern).sort((a, b) => literalLength(b) - literalLength(a))
  return {
    routes,
    match(method, pathname) {
      let route = exact.get(pathname) ?? (pathname.length > 1 && pathname.endsWith('/') ? exact.get(pathname.slice(0, -1)) : undefined)
      let values: string[] = []
      if (!route) {
        for (const r of templated) {
          const m = r.pattern!.exec(pathname)
          if (m) { route = r; values = m.slice(1); break }
        }
      }
      if (!route) return { found: false, status: 404 }
      const op = route.byMethod.get(method) ?? (method === 'HEAD' ? route.byMethod.get('GET') : undefined)
      if (!op) return { found: false, status: 405, allow: [...route.byMethod.keys()] }
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => { params[name] = safeDecode(values[i]!) }) // a malformed escape stays as sent; validation names it
      return { found: true, route, op, params }
    },
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
