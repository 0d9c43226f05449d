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
  // MLflow's sqlparse-based parser drops a dangling `AND` at the end ("name LIKE 'x%' AND" answers 200)
  const body = filter?.replace(/\s+AND\s*$/i, '')
  if (!body || !body.trim()) return []
  return body.split(/\s+AND\s+/i).map((part) => {
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

/**
 * Every key of a filter or order_by is checked before any record is read: MLflow parses the whole
 * query first, so an unknown key is a 400 even when nothing would match. `check` throws for one.
 */
export function checkKeys(keys: readonly string[], check: (key: string) => unknown): void {
  for (const key of keys) check(key)
}

export interface OrderClause {
  key: string
  desc: boolean
}

/** One `order_by` entry: a key (`quoted` parts allowed), then nothing, ASC or DESC; anything else is refused. */
export function parseOrderClause(clause: string): OrderClause {
  const m = /^\s*((?:`[^`]*`|"[^"]*"|[^\s`"])+)(?:\s+(ASC|DESC))?\s*$/i.exec(clause)
  if (!m) throw MlflowError.invalid(`Invalid ordering key in order_by clause '${clause}'.`)
  return { key: m[1]!.replace(/[`"]/g, ''), desc: m[2]?.toUpperCase() === 'DESC' }
}
