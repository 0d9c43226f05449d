import { MlflowError } from './mlflow-error.js'

export interface FilterClause {
  /** `name`, `tags.team`, `params.lr` … as written, with quotes and backticks removed, lower-cased prefix. */
  key: string
  op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE'
  value: string | number
}

// key op value, where key parts may be `quoted`, "quoted" or plain, and the value is a quoted string or a number
const CLAUSE =
  /^\s*((?:[A-Za-z_][\w.]*|`[^`]+`|"[^"]+")(?:\.(?:[A-Za-z_][\w]*|`[^`]+`|"[^"]+"))*)\s*(!=|<=|>=|=|<|>|\bI?LIKE\b)\s*('(?:[^']*)'|"(?:[^"]*)"|-?\d+(?:\.\d+)?)\s*$/i

/** A search `filter` string as a list of AND-ed clauses (the subset of MLflow's grammar the mock serves). */
export function parseFilter(filter: string | undefined): FilterClause[] {
  if (!filter || !filter.trim()) return []
  return filter.split(/\s+AND\s+/i).map((part) => {
    const m = CLAUSE.exec(part)
    if (!m) throw MlflowError.invalid(`Invalid filter '${filter}'. Could not parse clause '${part.trim()}'.`)
    const rawKey = m[1]!
    const parts = rawKey.match(/`[^`]+`|"[^"]+"|[^.]+/g) ?? []
    const key = parts.map((p) => p.replace(/^[`"]|[`"]$/g, '')).join('.')
    const rawValue = m[3]!
    const value = /^['"]/.test(rawValue) ? rawValue.slice(1, -1) : Number(rawValue)
    return { key, op: m[2]!.toUpperCase() as FilterClause['op'], value }
  })
}

function likeRegExp(pattern: string, flags: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%', '.*').replaceAll('_', '.')
  return new RegExp(`^${body}$`, flags)
}

/** Whether `actual` satisfies one clause; a missing attribute never matches. */
export function matchesClause(actual: string | number | undefined, clause: FilterClause): boolean {
  if (actual === undefined) return false
  const { op, value } = clause
  if (op === 'LIKE' || op === 'ILIKE') return likeRegExp(String(value), op === 'ILIKE' ? 'i' : '').test(String(actual))
  const [a, b] = typeof value === 'number' ? [Number(actual), value] : [String(actual), value]
  switch (op) {
    case '=': return a === b
    case '!=': return a !== b
    case '<': return a < b
    case '<=': return a <= b
    case '>': return a > b
    default: return a >= b
  }
}

/** Applies every clause through `lookup`, which names the attribute or throws for an unsupported key. */
export function matchesFilter(clauses: readonly FilterClause[], lookup: (key: string) => string | number | undefined): boolean {
  return clauses.every((c) => matchesClause(lookup(c.key), c))
}
