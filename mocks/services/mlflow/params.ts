import { MlflowError } from './mlflow-error.js'

export interface KeyValue {
  key: string
  value: string
}

// Python type names, as MLflow's request validation reports them ("Value was of type 'int'")
function pythonType(v: unknown): string {
  if (typeof v === 'string') return 'str'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (Array.isArray(v)) return 'list'
  return v === null ? 'NoneType' : 'dict'
}

function invalidType(name: string, v: unknown): MlflowError {
  const shown = typeof v === 'string' ? v : JSON.stringify(v)
  return MlflowError.invalid(
    `Invalid value ${shown} for parameter '${name}' supplied:  Hint: Value was of type '${pythonType(v)}'. ` +
      'See the API docs for more information about request parameters.',
  )
}

export function missing(name: string): MlflowError {
  return MlflowError.invalid(
    `Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`,
  )
}

/**
 * The fields of one request (JSON body or query string), read the way MLflow's proto parsing does:
 * strings must be strings, numbers may come as strings, unknown fields are ignored.
 */
export class Params {
  /** `fromQuery`: a repeated query key arrives as a list, where a JSON body's list would be a type error. */
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly fromQuery = false,
  ) {}

  has(name: string): boolean {
    return this.fields[name] !== undefined && this.fields[name] !== null
  }

  /** A string field; required ones treat "" as missing, like MLflow's `_assert_required`. */
  string(name: string, required: true): string
  string(name: string, required?: false): string | undefined
  string(name: string, required = false): string | undefined {
    let v = this.fields[name]
    if (this.fromQuery && Array.isArray(v)) v = v[0]
    if (v === undefined || v === null) {
      if (required) throw missing(name)
      return undefined
    }
    if (typeof v !== 'string') throw invalidType(name, v)
    if (required && v === '') throw missing(name)
    return v
  }

  /** An int64 field: a JSON integer or a string of digits (query strings, proto JSON). */
  integer(name: string, required = false): number | undefined {
    const v = this.scalar(name, required)
    if (v === undefined) return undefined
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v
    if (typeof n !== 'number' || !Number.isInteger(n)) throw invalidType(name, v)
    return n
  }

  /** A double field; proto JSON coerces numeric strings (`"value": "0.92"` is accepted, #19). */
  number(name: string, required = false): number | undefined {
    const v = this.scalar(name, required)
    if (v === undefined) return undefined
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
    if (typeof n !== 'number' || Number.isNaN(n)) throw invalidType(name, v)
    return n
  }

  /** An enum field by name, or by its proto number (`names[n]`); an unknown number is dropped like an unknown name. */
  enumName(name: string, names: readonly string[]): string | undefined {
    const v = this.fields[name]
    if (typeof v === 'number' && Number.isInteger(v)) return names[v] || undefined
    return this.string(name)
  }

  boolean(name: string): boolean | undefined {
    const v = this.scalar(name, false)
    if (v === undefined) return undefined
    if (typeof v === 'boolean') return v
    if (v === 'true' || v === 'false') return v === 'true'
    throw invalidType(name, v)
  }

  /** A repeated string field; one query value arrives as a plain string, but a JSON body must send a list (`single` allows one string). */
  strings(name: string, { single = false } = {}): string[] {
    const v = this.fields[name]
    if (v === undefined || v === null) return []
    if (!this.fromQuery && !single && !Array.isArray(v)) throw invalidType(name, v)
    const list = Array.isArray(v) ? v : [v]
    for (const e of list) if (typeof e !== 'string') throw invalidType(name, v)
    // a query string may list a repeated field's values with commas (`stages=Staging,Production`, recorded 200)
    return this.fromQuery ? (list as string[]).flatMap((e) => e.split(',')) : (list as string[])
  }

  /** A repeated object field (`metrics`, `models` …) as Params, so each item is read with the same rules. */
  objects(name: string): Params[] {
    const v = this.fields[name]
    if (v === undefined || v === null) return []
    if (!Array.isArray(v)) throw invalidType(name, v)
    return v.map((e) => {
      if (!e || typeof e !== 'object' || Array.isArray(e)) throw invalidType(name, v)
      return new Params(e as Record<string, unknown>)
    })
  }

  /** `tags` / `params`: `[{key, value}]`, key required. */
  keyValues(name: string): KeyValue[] {
    return this.objects(name).map((p) => ({ key: p.string('key', true), value: p.string('value') ?? '' }))
  }

  private scalar(name: string, required: boolean): unknown {
    let v = this.fields[name]
    if (this.fromQuery && Array.isArray(v)) v = v[0]
    if (v === undefined || v === null || v === '') {
      if (required) throw missing(name)
      return undefined
    }
    return v
  }
}
