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
  const index = templateIndex(ops)
  const found: IndexedTemplate[] = []
  // only templates whose literal directory is a directory of the path can match it
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    for (const t of index.get(path.slice(0, slash + 1)) ?? []) if (t.pattern.test(path)) found.push(t)
  }
  found.sort((a, b) => a.order - b.order)
  return { exact: found.filter((t) => !t.mount).map((t) => t.op), catchAll: found.filter((t) => t.mount).map((t) => t.op) }
}

interface IndexedTemplate {
  op: Operation
  order: number
  pattern: RegExp
  mount: boolean
}

// Probes ask for every operation's paths, so without an index matching grew with (operations)²:
// templates are filed under their literal directory, the part before the first `{` up to its last '/'.
const templateIndexes = new WeakMap<readonly Operation[], Map<string, IndexedTemplate[]>>()
function templateIndex(ops: readonly Operation[]): Map<string, IndexedTemplate[]> {
  let index = templateIndexes.get(ops)
  if (!index) {
    index = new Map()
    for (const [order, op] of ops.entries()) {
      const spanning = catchAllParams(ops, op.path)
      const mount = [...spanning].some((name) => op.path.includes(`{${name}}`))
      const brace = op.path.indexOf('{')
      const fixed = brace === -1 ? op.path : op.path.slice(0, brace)
      const directory = fixed.slice(0, fixed.lastIndexOf('/') + 1)
      const bucket = index.get(directory) ?? []
      bucket.push({ op, order, pattern: templateRegExp(op.path, spanning), mount })
      index.set(directory, bucket)
    }
    templateIndexes.set(ops, index)
  }
  return index
}

/** A path parameter value as sent: URL-encoded, but '/' kept (catch-all mounts) and `{{unique}}` left for the sender. */
export function encodePathValue(value: unknown): string {
  return encodeURIComponent(String(value)).replace(/%2F/g, '/').replace(/%7B%7Bunique%7D%7D/g, '{{unique}}')
}
