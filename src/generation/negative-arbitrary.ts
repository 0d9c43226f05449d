import fc from 'fast-check'
import { compileSchemas } from '../contract/compile-schemas.js'
import type { Contract, Operation } from '../contract/contract.js'
import type { Location } from '../contract/documents.js'
import { type GeneratedRequest, generableMedia, requestArbitrary } from './request-arbitrary.js'
import { child, nodeAt, typesOf, type Schema } from './schema-node.js'

/** A request that breaks exactly one constraint of the document, and which one. */
export interface NegativeRequest { input: GeneratedRequest; violation: string }

interface Mutation {
  violation: string
  /** the mutated request, or undefined when this valid request cannot carry the mutation */
  apply(input: GeneratedRequest): GeneratedRequest | undefined
  /** where the broken value must now be invalid (checked with the contract's Ajv, so a label never lies) */
  check?: { at: Location; value(input: GeneratedRequest): unknown }
}

const PART = { path: 'path', query: 'query', header: 'headers', cookie: 'cookies' } as const

/**
 * Invalid requests, each breaking one constraint: a parameter or body property of the wrong type,
 * out of range, too long, outside its enum; a required parameter or property missing; a property
 * the schema forbids; malformed JSON. Undefined when the operation declares nothing to break.
 */
export function negativeArbitrary(contract: Contract, op: Operation): fc.Arbitrary<NegativeRequest> | undefined {
  const mutations = [...parameterMutations(contract, op), ...bodyMutations(contract, op)]
  if (mutations.length === 0) return undefined
  const schemas = compileSchemas(contract.documents)
  const valid = requestArbitrary(contract, op)
  return fc.tuple(valid, fc.constantFrom(...mutations))
    .map(([input, m]) => ({ mutated: m.apply(structuredClone(input)), m }))
    .filter(({ mutated, m }) => mutated !== undefined && (!m.check || schemas.validate(m.check.at, m.check.value(mutated)).length > 0))
    .map(({ mutated, m }) => ({ input: mutated!, violation: m.violation }))
}

function parameterMutations(contract: Contract, op: Operation): Mutation[] {
  const out: Mutation[] = []
  for (const p of op.parameters) {
    if (!p.schema) continue
    const part = PART[p.in]
    const what = `${p.in} parameter "${p.name}"`
    const set = (value: unknown) => (input: GeneratedRequest) => ({ ...input, [part]: { ...input[part], [p.name]: value } })
    const check = { at: p.schema, value: (input: GeneratedRequest) => input[part][p.name] }
    for (const [violation, value] of brokenValues(nodeAt(contract.documents, p.schema).schema, what, true)) out.push({ violation, apply: set(value), check })
    if (p.required && p.in !== 'path') {
      out.push({ violation: `missing required: ${what}`, apply: (input) => {
        const { [p.name]: _gone, ...rest } = input[part]
        return { ...input, [part]: rest }
      } })
    }
  }
  return out
}

function bodyMutations(contract: Contract, op: Operation): Mutation[] {
  const media = generableMedia(op).find((m) => /[/+]json$/.test(m.mediaType))
  if (!media) return []
  const body = nodeAt(contract.documents, media.schema!)
  const json = (input: GeneratedRequest) => (input.mediaType === media.mediaType && input.body !== null && typeof input.body === 'object' && !Array.isArray(input.body) ? input.body as Record<string, unknown> : undefined)
  const out: Mutation[] = []
  const required = typeof body.schema === 'object' && Array.isArray(body.schema.required) ? body.schema.required as string[] : []
  if (required.length > 0) out.push({ violation: 'malformed JSON body', apply: (input) => (json(input) ? { ...input, body: undefined, rawBody: '{"cw": ' } : undefined) })
  if (typeof body.schema !== 'object') return out
  const check = { at: media.schema!, value: (input: GeneratedRequest) => input.body }
  const properties = (body.schema.properties ?? {}) as Record<string, unknown>
  for (const name of Object.keys(properties)) {
    const prop = child(contract.documents, body, 'properties', name).schema
    if (typeof prop === 'object' && prop.readOnly === true) continue
    for (const [violation, value] of brokenValues(prop, `body property "${name}"`, false)) {
      out.push({ violation, check, apply: (input) => (json(input) ? { ...input, body: { ...json(input), [name]: value } } : undefined) })
    }
  }
  for (const name of required) {
    out.push({ violation: `missing required: body property "${name}"`, check, apply: (input) => {
      const b = json(input)
      if (!b) return undefined
      const { [name]: _gone, ...rest } = b
      return { ...input, body: rest }
    } })
  }
  if (body.schema.additionalProperties === false) {
    out.push({ violation: 'extra property "cw_extra" where additionalProperties is false', check, apply: (input) => (json(input) ? { ...input, body: { ...json(input), cw_extra: 'x' } } : undefined) })
  }
  return out
}

/** One value per constraint the schema states, each breaking only that one, labelled. */
function brokenValues(schema: Schema | boolean, what: string, asText: boolean): Array<[string, unknown]> {
  if (typeof schema !== 'object') return []
  const out: Array<[string, unknown]> = []
  const types = typesOf(schema) ?? []
  if (types.length > 0 && !types.includes('string')) out.push([`wrong type: ${what} as a string (${types.join('/')} expected)`, 'cw-wrong-type'])
  else if (types.length === 1 && types[0] === 'string' && !asText) out.push([`wrong type: ${what} as a number (string expected)`, 12345])
  if (typeof schema.minimum === 'number') out.push([`out of range: ${what} below its minimum ${schema.minimum}`, schema.minimum - 1])
  if (typeof schema.maximum === 'number') out.push([`out of range: ${what} above its maximum ${schema.maximum}`, schema.maximum + 1])
  if (typeof schema.maxLength === 'number' && schema.maxLength < 10_000) out.push([`too long: ${what} longer than maxLength ${schema.maxLength}`, 'x'.repeat(schema.maxLength + 1)])
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) out.push([`bad enum: ${what} outside ${JSON.stringify(schema.enum).slice(0, 60)}`, 'cw-not-in-enum'])
  return out
}
