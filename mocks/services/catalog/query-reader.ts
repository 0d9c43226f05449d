import type { ValidationIssue } from './fastapi-error.js'

// Pydantic v2 lax-mode parsing of query strings, with its error types and messages, so 422 bodies
// match FastAPI's. Starlette keeps the last value of a repeated parameter.
const INTEGER = /^\s*[+-]?\d+(_\d+)*\s*$/
const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes'])
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no'])

export interface IntRule {
  default: number
  ge?: number
  le?: number
}

/** Reads typed query parameters and collects every validation issue, in declaration order. */
export class QueryReader {
  readonly issues: ValidationIssue[] = []
  constructor(private readonly params: URLSearchParams) {}

  string(name: string): string | undefined {
    return this.params.getAll(name).at(-1)
  }

  int(name: string, rule: IntRule): number {
    const raw = this.string(name)
    if (raw === undefined) return rule.default
    if (!INTEGER.test(raw)) {
      this.issues.push({ type: 'int_parsing', loc: ['query', name], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw })
      return rule.default
    }
    const value = Number(raw.trim().replaceAll('_', ''))
    if (rule.ge !== undefined && value < rule.ge) {
      this.issues.push({ type: 'greater_than_equal', loc: ['query', name], msg: `Input should be greater than or equal to ${rule.ge}`, input: raw, ctx: { ge: rule.ge } })
    } else if (rule.le !== undefined && value > rule.le) {
      this.issues.push({ type: 'less_than_equal', loc: ['query', name], msg: `Input should be less than or equal to ${rule.le}`, input: raw, ctx: { le: rule.le } })
    }
    return value
  }

  /** an optional float (`min_price` …); pydantic accepts ints, decimals and exponents */
  float(name: string): number | undefined {
    const raw = this.string(name)
    if (raw === undefined) return undefined
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value)) {
      this.issues.push({ type: 'float_parsing', loc: ['query', name], msg: 'Input should be a valid number, unable to parse string as a number', input: raw })
      return undefined
    }
    return value
  }

  /** a `Literal[...]` parameter, with pydantic's literal_error */
  literal<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name)
    if (raw === undefined) return fallback
    if ((allowed as readonly string[]).includes(raw)) return raw as T
    const quoted = allowed.map((a) => `'${a}'`)
    const expected = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
    this.issues.push({ type: 'literal_error', loc: ['query', name], msg: `Input should be ${expected}`, input: raw, ctx: { expected } })
    return fallback
  }

  bool(name: string): boolean | undefined {
    const raw = this.string(name)
    if (raw === undefined) return undefined
    const word = raw.trim().toLowerCase()
    if (TRUE.has(word)) return true
    if (FALSE.has(word)) return false
    this.issues.push({ type: 'bool_parsing', loc: ['query', name], msg: 'Input should be a valid boolean, unable to interpret input', input: raw })
    return undefined
  }
}
