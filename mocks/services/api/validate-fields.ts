import type { ValidationItem } from './fastapi-responses.js'
import { modelTypeError } from './read-json-body.js'

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any'

/** A pydantic-like model: field types and which fields are required; `extra: 'forbid'` rejects unknown keys. */
export interface FieldModel {
  fields: Record<string, FieldType>
  required: readonly string[]
  extra?: 'ignore' | 'forbid'
  /** allowed values of string fields, reported as pydantic's `enum` error */
  enums?: Record<string, readonly string[]>
}

const typeErrors: Record<Exclude<FieldType, 'any'>, [string, string]> = {
  string: ['string_type', 'Input should be a valid string'],
  number: ['float_type', 'Input should be a valid number'],
  integer: ['int_type', 'Input should be a valid integer'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  object: ['dict_type', 'Input should be a valid dictionary'],
  array: ['list_type', 'Input should be a valid list'],
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'any': return true
    case 'string': return typeof value === 'string'
    case 'number': return typeof value === 'number' && Number.isFinite(value)
    case 'integer': return Number.isInteger(value)
    case 'boolean': return typeof value === 'boolean'
    case 'array': return Array.isArray(value)
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value)
  }
}

/** Pydantic v2 validation errors for `value` against `model`, with `loc` under `prefix` (e.g. ['body']). */
export function validateFields(value: unknown, model: FieldModel, prefix: (string | number)[] = ['body']): ValidationItem[] {
  if (!hasType(value, 'object')) return [modelTypeError(value, prefix)]
  const record = value as Record<string, unknown>
  const errors: ValidationItem[] = []
  for (const name of model.required) {
    if (!(name in record)) errors.push({ type: 'missing', loc: [...prefix, name], msg: 'Field required', input: record })
  }
  for (const [name, fieldValue] of Object.entries(record)) {
    const type = model.fields[name]
    if (type === undefined) {
      if (model.extra === 'forbid') {
        errors.push({ type: 'extra_forbidden', loc: [...prefix, name], msg: 'Extra inputs are not permitted', input: fieldValue })
      }
      continue
    }
    // optional fields accept null, as `X | None = None` does
    if (fieldValue === null && !model.required.includes(name)) continue
    if (type !== 'any' && !hasType(fieldValue, type)) {
      const [errorType, msg] = typeErrors[type]
      errors.push({ type: errorType, loc: [...prefix, name], msg, input: fieldValue })
      continue
    }
    const allowed = model.enums?.[name]
    if (allowed && !allowed.includes(fieldValue as string)) {
      const expected = allowed.map((value) => `'${value}'`).join(' or ')
      errors.push({ type: 'enum', loc: [...prefix, name], msg: `Input should be ${expected}`, input: fieldValue, ctx: { expected } })
    }
  }
  return errors
}
