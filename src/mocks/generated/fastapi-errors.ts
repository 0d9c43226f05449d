import type { ErrorObject } from 'ajv'
import { compileSchemas } from '../../contract/compile-schemas.js'
import type { Contract, Operation } from '../../contract/contract.js'
import { unescapeToken } from '../../contract/pointer.js'
import { child, nodeAt, typesOf, type SchemaNode } from '../../generation/schema-node.js'
import { IGNORED_HEADERS, type MockRequest } from './check-request.js'

/** One item of FastAPI's 422 `{"detail": [...]}`: a pydantic v2 validation error. */
export interface PydanticError {
  type: string
  loc: Array<string | number>
  msg: string
  input: unknown
  ctx?: Record<string, unknown>
}

export type FastapiVerdict = { ok: true; body: unknown } | { ok: false; detail: PydanticError[] }

type Obj = Record<string, unknown>

const GROUPS = ['path', 'query', 'header', 'cookie'] // FastAPI's order: parameters by kind, then the body
// pydantic's lax reading of parameter text
const INTEGER = /^\s*[+-]?\d+(_\d+)*\s*$/
const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes'])
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no'])
// a JSON type → pydantic's name for it (`int_type`, `int_parsing`) and the word its messages use
const TYPES: Record<string, [string, string]> = {
  string: ['string', 'string'], number: ['float', 'number'], integer: ['int', 'integer'], boolean: ['bool', 'boolean'], array: ['list', 'list'], object: ['dict', 'dictionary'],
}
const BOUNDS: Record<string, [string, string, string]> = {
  minimum: ['greater_than_equal', 'greater than or equal to', 'ge'],
  maximum: ['less_than_equal', 'less than or equal to', 'le'],
  exclusiveMinimum: ['greater_than', 'greater than', 'gt'],
  exclusiveMaximum: ['less_than', 'less than', 'lt'],
}

/**
 * What a FastAPI service makes of a request to `op` of a document FastAPI generated: path, query and
 * header parameters and the JSON body judged by the document's schemas (the contract's Ajv), each
 * problem as the pydantic v2 item of FastAPI's 422 (`missing`, `string_type`, `enum`,
 * `extra_forbidden`, `json_invalid`, `uuid_parsing` ..., `loc` `['body', 'field']`, `['query', 'name']`).
 * Form bodies and cookies are left to the caller.
 */
export function fastapiValidate(contract: Contract, op: Operation, req: MockRequest, pathParams: Readonly<Record<string, string>>): FastapiVerdict {
  const set = contract.documents
  const schemas = compileSchemas(set)
  const detail: PydanticError[] = []
  for (const p of [...op.parameters].sort((a, b) => GROUPS.indexOf(a.in) - GROUPS.indexOf(b.in))) {
    if (p.in === 'cookie' || (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase()))) continue
    const sent = (p.in === 'path' ? [pathParams[p.name]] : p.in === 'query' ? req.url.searchParams.getAll(p.name) : [req.headers[p.name.toLowerCase()]])
      .filter((v): v is string => v !== undefined)
    if (sent.length === 0) {
      if (p.required) detail.push({ type: 'missing', loc: [p.in, p.name], msg: 'Field required', input: null })
      continue
    }
    if (!p.schema) continue
    const node = unwrap(set, nodeAt(set, p.schema))
    const list = admits(node).includes('array')
    // Starlette keeps the last value of a repeated parameter
    const text = list ? sent : sent.at(-1)!
    const value = list ? sent.map((t) => fromText(admits(unwrap(set, child(set, node, 'items'))), t)) : fromText(admits(node), text as string)
    detail.push(...translate(set, node, schemas.validate(p.schema, value), value, text, [p.in, p.name]))
  }
  const media = op.requestBody?.content.find((m) => /[/+]json$/i.test(m.mediaType))
  const text = req.body?.toString('utf8') ?? ''
  if (!media || text.length === 0) {
    if (media && op.requestBody!.required) detail.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
    return detail.length > 0 ? { ok: false, detail } : { ok: true, body: undefined }
  }
  const root = media.schema ? unwrap(set, nodeAt(set, media.schema)) : undefined
  const type = req.headers['content-type']
  // FastAPI reads any other content type as text, which the body's model then refuses
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) return { ok: false, detail: [...detail, typeError(root, admits(root)[0] ?? 'object', text, ['body'], false)] }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1]
    detail.push({ type: 'json_invalid', loc: ['body', position === undefined ? 0 : Number(position)], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } })
    return { ok: false, detail }
  }
  if (media.schema) detail.push(...order(translate(set, root!, schemas.validate(media.schema, body), body, undefined, ['body']), root!, body))
  return detail.length > 0 ? { ok: false, detail } : { ok: true, body }
}

/** Ajv's errors as pydantic's: one per location (pydantic stops at a field's first failure). */
function translate(set: Contract['documents'], root: SchemaNode, errors: ErrorObject[], value: unknown, text: string | string[] | undefined, prefix: Array<string | number>): PydanticError[] {
  const byLoc = new Map<string, PydanticError>()
  for (const e of errors) {
    const item = pydanticItem(set, root, e, value, text, prefix)
    if (!item) continue
    const key = JSON.stringify(item.loc)
    const kept = byLoc.get(key)
    // an Enum or Literal field names its values whatever was sent
    if (!kept || (/_(type|parsing)$/.test(kept.type) && (item.type === 'enum' || item.type === 'literal_error'))) byLoc.set(key, item)
  }
  return [...byLoc.values()]
}

function pydanticItem(set: Contract['documents'], root: SchemaNode, e: ErrorObject, value: unknown, text: string | string[] | undefined, prefix: Array<string | number>): PydanticError | undefined {
  const tokens = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map(unescapeToken)
  const loc = [...prefix]
  let at = value
  let input: unknown = text ?? value // a parameter's input is the text that was sent
  for (const t of tokens) {
    loc.push(Array.isArray(at) ? Number(t) : t)
    at = (at as Obj | undefined)?.[t]
    input = (input as Obj | undefined)?.[t]
  }
  const p = e.params as Obj
  const limit = p.limit as number
  const item = (type: string, msg: string, ctx?: Obj): PydanticError => ({ type, loc, msg, input, ...(ctx ? { ctx } : {}) })
  switch (e.keyword) {
    case 'required': return { type: 'missing', loc: [...loc, String(p.missingProperty)], msg: 'Field required', input: at }
    case 'additionalProperties': return { type: 'extra_forbidden', loc: [...loc, String(p.additionalProperty)], msg: 'Extra inputs are not permitted', input: (at as Obj)[String(p.additionalProperty)] }
    case 'type': {
      const expected = String(p.type).split(',').filter((t) => t !== 'null')[0]
      // a nullable field's `null` branch: the other branch's error speaks
      return expected === undefined ? undefined : typeError(schemaAt(set, root, tokens), expected, input, loc, text !== undefined)
    }
    case 'enum':
    case 'const': {
      const values = e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]
      const expected = values.length === 1 ? repr(values[0]) : `${values.slice(0, -1).map(repr).join(', ')} or ${repr(values.at(-1))}`
      return item(e.keyword === 'enum' ? 'enum' : 'literal_error', `Input should be ${expected}`, { expected })
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems': {
      const [short, bound, key] = e.keyword.startsWith('min') ? ['too_short', 'least', 'min_length'] : ['too_long', 'most', 'max_length']
      const plural = limit === 1 ? '' : 's'
      if (e.keyword.endsWith('Length')) return item(`string_${short}`, `String should have at ${bound} ${limit} character${plural}`, { [key]: limit })
      const actual = (at as unknown[]).length
      return item(short, `List should have at ${bound} ${limit} item${plural} after validation, not ${actual}`, { field_type: 'List', [key]: limit, actual_length: actual })
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const [type, words, key] = BOUNDS[e.keyword]!
      return item(type, `Input should be ${words} ${limit}`, { [key]: limit })
    }
    case 'multipleOf': return item('multiple_of', `Input should be a multiple of ${String(p.multipleOf)}`, { multiple_of: p.multipleOf })
    case 'pattern': return item('string_pattern_mismatch', `String should match pattern '${String(p.pattern)}'`, { pattern: p.pattern })
    case 'format': {
      if (p.format !== 'uuid') break
      const problem = uuidProblem(String(at))
      return problem === undefined ? undefined : item('uuid_parsing', `Input should be a valid UUID, ${problem}`, { error: problem })
    }
    case 'anyOf':
    case 'oneOf':
      return undefined // the branches' own errors speak
  }
  return item('value_error', `Value error, ${e.message ?? 'invalid'}`)
}

function typeError(node: SchemaNode | undefined, expected: string, input: unknown, loc: Array<string | number>, fromText: boolean): PydanticError {
  // a nested model (a schema with properties) is read from attributes, as FastAPI does; a dict is not
  if (expected === 'object' && typeof node?.schema === 'object' && node.schema.properties !== undefined) {
    return { type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input }
  }
  const [name, word] = TYPES[expected] ?? ['value', expected]
  // parameter text that pydantic could not read as a number or a boolean
  if (fromText && typeof input === 'string' && ['int', 'float', 'bool'].includes(name)) {
    return { type: `${name}_parsing`, loc, msg: `Input should be a valid ${word}, ${name === 'bool' ? 'unable to interpret input' : `unable to parse string as a${name === 'int' ? 'n' : ''} ${word}`}`, input }
  }
  return { type: `${name}_type`, loc, msg: `Input should be a valid ${word}`, input }
}

/** The (unwrapped) schema of the value at `tokens` below `node`, following properties, items and additionalProperties. */
function schemaAt(set: Contract['documents'], node: SchemaNode, tokens: string[]): SchemaNode | undefined {
  let at: SchemaNode | undefined = unwrap(set, node)
  for (const t of tokens) {
    const s: SchemaNode['schema'] | undefined = at?.schema
    if (!at || typeof s !== 'object') return undefined
    const next: Array<string | number> | undefined = (s.properties as Obj | undefined)?.[t] !== undefined ? ['properties', t]
      : s.items !== undefined ? ['items'] : typeof s.additionalProperties === 'object' ? ['additionalProperties'] : undefined
    at = next && unwrap(set, child(set, at, ...next))
  }
  return at
}

/** `X | None` (anyOf/oneOf with a null branch) as X; anything else as it is. */
function unwrap(set: Contract['documents'], node: SchemaNode): SchemaNode {
  for (const keyword of ['anyOf', 'oneOf']) {
    const list = typeof node.schema === 'object' ? node.schema[keyword] : undefined
    if (!Array.isArray(list)) continue
    const branches = list.map((_, i) => child(set, node, keyword, i)).filter((b) => !(typeof b.schema === 'object' && b.schema.type === 'null'))
    if (branches.length === 1) return unwrap(set, branches[0]!)
  }
  return node
}

const admits = (node: SchemaNode | undefined): string[] => (typeof node?.schema === 'object' ? typesOf(node.schema) ?? [] : [])

/** Parameter text as pydantic reads it in lax mode for the types the schema admits; else the text, which then fails. */
function fromText(types: string[], text: string): unknown {
  if (types.length === 0 || types.includes('string')) return text
  if (types.includes('integer') && INTEGER.test(text)) return Number(text.trim().replaceAll('_', ''))
  if (types.includes('number') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text)
  const word = text.trim().toLowerCase()
  if (types.includes('boolean') && (TRUE.has(word) || FALSE.has(word))) return TRUE.has(word)
  return text
}

/** Errors in pydantic's order: the model's fields as declared (a missing one in its place), then extra keys as sent. */
function order(items: PydanticError[], root: SchemaNode, value: unknown): PydanticError[] {
  const fields = Object.keys((typeof root.schema === 'object' ? root.schema.properties : undefined) ?? {})
  const sent = value !== null && typeof value === 'object' ? Object.keys(value) : []
  const rank = (item: PydanticError) => {
    const at = fields.indexOf(String(item.loc[1]))
    return at >= 0 ? at : fields.length + sent.indexOf(String(item.loc[1]))
  }
  return items.sort((a, b) => rank(a) - rank(b))
}

const repr = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : value === null ? 'None' : typeof value === 'boolean' ? (value ? 'True' : 'False') : JSON.stringify(value))

/** What the uuid crate (pydantic's `uuid_parsing`) says about `text`; undefined when it is a UUID. */
function uuidProblem(text: string): string | undefined {
  const braced = /^\{(.*)\}$/s.exec(text)
  const [inner, offset, simple] = braced ? [braced[1]!, 1, false] : text.startsWith('urn:uuid:') ? [text.slice(9), 9, false] : [text, 0, true]
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(inner) || (simple && /^[0-9a-f]{32}$/i.test(inner))) return undefined
  const chars = [...inner]
  const bad = chars.findIndex((c) => !/^[0-9a-fA-F-]$/.test(c))
  if (bad >= 0) return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${chars[bad]}\` at ${Buffer.byteLength(chars.slice(0, bad).join('')) + offset + 1}`
  const hyphens = chars.flatMap((c, i) => (c === '-' ? [i] : []))
  if (hyphens.length === 0 && simple) return `invalid length: expected length 32 for simple format, found ${text.length}`
  if (hyphens.length !== 4) return `invalid group count: expected 5, found ${hyphens.length + 1}`
  const starts = [0, 9, 14, 19, 24]
  const group = hyphens.findIndex((h, i) => h !== starts[i + 1]! - 1)
  const g = group >= 0 ? group : 4
  return `invalid group length in group ${g}: expected ${[8, 4, 4, 4, 12][g]}, found ${(group >= 0 ? hyphens[g]! : inner.length) - starts[g]!}`
}
