import type { Operation } from '../contract/contract.js'

/**
 * Path parameters that span segments (a proxy mount's `{path}`): some operation on the same path
 * gives an example containing '/'.
 */
export function catchAllParams(ops: readonly Operation[], path: string): Set<string> {
  return catchAllIndex(ops).get(path) ?? new Set()
}

// Built once per operation list: probes ask for every path many times.
const indexes = new WeakMap<readonly Operation[], Map<string, Set<string>>>()
function catchAllIndex(ops: readonly Operation[]): Map<string, Set<string>> {
  let index = indexes.get(ops)
  if (!index) {
    index = new Map()
    for (const o of ops) {
      const set = index.get(o.path) ?? new Set<string>()
      for (const p of o.parameters) if (p.in === 'path' && Object.values(p.examples).some((v) => String(v).includes('/'))) set.add(p.name)
      index.set(o.path, set)
    }
    indexes.set(ops, index)
  }
  return index
}

/** Whether a concrete path matches a templated one: `{x}` is one segment, a catch-all parameter one or more. */
export function templateMatches(template: string, path: string, catchAll: ReadonlySet<string>): boolean {
  return templateRegExp(template, catchAll).test(path)
}

const compiled = new Map<string, RegExp>()
function templateRegExp(template: string, catchAll: ReadonlySet<string>): RegExp {
  const key = `${template} ${[...catchAll].join(',')}`
  let re = compiled.get(key)
  if (!re) {
    const source = template.split(/(\{[^}]+\})/).map((part) => {
      const param = /^\{(.+)\}$/.exec(part)?.[1]
      if (param === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      return catchAll.has(param) ? '[^/](?:.*[^/])?' : '[^/]+'
    }).join('')
    re = new RegExp(`^${source}$`)
    compiled.set(key, re)
  }
  return re
}

/** The operations whose templates match a concrete path, split into exact ones and catch-all mounts. */
export function operationsMatching(ops: readonly Operation[], path: string): { exact: Operation[]; catchAll: Operation[] } {
  const exact: Operation[] = []
  const mounts: Operation[] = []
  for (const op of ops) {
    const spanning = catchAllParams(ops, op.path)
    if (!templateMatches(op.path, path, spanning)) continue
    if ([...spanning].some((name) => op.path.includes(`{${name}}`))) mounts.push(op)
    else exact.push(op)
  }
  return { exact, catchAll: mounts }
}

/** A path parameter value as sent: URL-encoded, but '/' kept (catch-all mounts) and `{{unique}}` left for the sender. */
export function encodePathValue(value: unknown): string {
  return encodeURIComponent(String(value)).replace(/%2F/g, '/').replace(/%7B%7Bunique%7D%7D/g, '{{unique}}')
}
