import fc from 'fast-check'
import type { DocumentSet } from '../contract/documents.js'
import { numberArbitrary } from './number-arbitrary.js'
import { child, typesOf, type Schema, type SchemaNode } from './schema-node.js'
import { numberOr, stringArbitrary } from './string-arbitrary.js'

/** Requests omit readOnly properties, responses writeOnly ones (OpenAPI 3.1 §4.8.24). */
export type Direction = 'request' | 'response'

const MAX_DEPTH = 4 // deeper than this, optional properties and array items are left out
const MAX_ITEMS = 3

export interface Walk {
  set: DocumentSet
  direction: Direction
  /** property names left out for being readOnly (requests) or writeOnly (responses) */
  omitted: Set<string>
}

/**
 * A fast-check arbitrary of values for one schema: types, enum/const, formats, patterns, lengths,
 * bounds, items, required and optional properties, additionalProperties, allOf/oneOf/anyOf. Values
 * are exact where the keywords allow it; `validArbitrary` filters the rest through Ajv.
 */
export function schemaArbitrary(walk: Walk, node: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  const { schema } = node
  if (schema === true || schema === false) return anyValue()
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]))
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && depth > MAX_DEPTH) return fc.constant(schema.examples[0])
  if (Array.isArray(schema.allOf)) return allOfArbitrary(walk, node, depth)
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword]
    if (Array.isArray(branches) && branches.length > 0) {
      const { [keyword]: _, ...rest } = schema
      const base = Object.keys(rest).some((k) => k !== 'discriminator' && k !== 'description' && k !== 'title')
      return fc.oneof(...branches.map((_b, i) => {
        const branch = child(walk.set, node, keyword, i)
        return base ? mergedArbitrary(walk, [{ schema: rest, at: node.at }, branch], depth) : schemaArbitrary(walk, branch, depth)
      }))
    }
  }
  const types = typesOf(schema)
  if (types === undefined) return anyValue()
  return fc.oneof(...types.map((type) => typedArbitrary(walk, node, type, depth)))
}

function typedArbitrary(walk: Walk, node: SchemaNode, type: string, depth: number): fc.Arbitrary<unknown> {
  const schema = node.schema as Schema
  switch (type) {
    case 'string': return stringArbitrary(schema)
    case 'integer': return numberArbitrary(schema, true)
    case 'number': return numberArbitrary(schema, false)
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'array': return arrayArbitrary(walk, node, depth)
    case 'object': return objectArbitrary(walk, node, depth)
    default: return anyValue()
  }
}

function arrayArbitrary(walk: Walk, node: SchemaNode, depth: number): fc.Arbitrary<unknown[]> {
  const schema = node.schema as Schema
  const minLength = numberOr(schema.minItems, 0)
  const maxLength = depth >= MAX_DEPTH ? minLength : Math.max(minLength, Math.min(numberOr(schema.maxItems, MAX_ITEMS), minLength + MAX_ITEMS))
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.map((_p, i) => schemaArbitrary(walk, child(walk.set, node, 'prefixItems', i), depth + 1)) : []
  const items = schema.items === undefined || schema.items === true ? anyValue() : schemaArbitrary(walk, child(walk.set, node, 'items'), depth + 1)
  const rest = schema.uniqueItems === true
    ? fc.uniqueArray(items, { minLength: Math.max(0, minLength - prefix.length), maxLength: Math.max(0, maxLength - prefix.length), selector: (v) => JSON.stringify(v) })
    : fc.array(items, { minLength: Math.max(0, minLength - prefix.length), maxLength: Math.max(0, maxLength - prefix.length) })
  return prefix.length === 0 ? rest : fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail])
}

function objectArbitrary(walk: Walk, node: SchemaNode, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const schema = node.schema as Schema
  const properties = Object.keys((schema.properties ?? {}) as object)
  const located = new Map(properties.map((name): [string, SchemaNode[]] => [name, [child(walk.set, node, 'properties', name)]]))
  const record = recordArbitrary(walk, located, Array.isArray(schema.required) ? schema.required as string[] : [], depth)
  const extra = schema.additionalProperties
  if (extra === undefined || extra === false || extra === true || depth >= MAX_DEPTH) return record
  const values = schemaArbitrary(walk, child(walk.set, node, 'additionalProperties'), depth + 1)
  const names = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((k) => !located.has(k))
  return fc.tuple(record, fc.dictionary(names, values, { maxKeys: 2 })).map(([known, more]) => ({ ...more, ...known }))
}

/** Objects with every required property and some of the optional ones; readOnly/writeOnly left out by direction. */
function recordArbitrary(walk: Walk, properties: ReadonlyMap<string, SchemaNode[]>, required: readonly string[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const mustHave = new Set(required)
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, nodes] of properties) {
    const hidden = nodes.some((p) => typeof p.schema === 'object' && (walk.direction === 'request' ? p.schema.readOnly === true : p.schema.writeOnly === true))
    if (hidden) walk.omitted.add(name)
    else if (mustHave.has(name) || depth < MAX_DEPTH) model[name] = nodes.length === 1 ? schemaArbitrary(walk, nodes[0]!, depth + 1) : mergedArbitrary(walk, nodes, depth + 1)
  }
  // required names without a property schema may hold anything
  for (const name of mustHave) if (!(name in model) && !walk.omitted.has(name)) model[name] = anyValue()
  return fc.record(model, { requiredKeys: Object.keys(model).filter((name) => mustHave.has(name)) })
}

function allOfArbitrary(walk: Walk, node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  const schema = node.schema as Schema
  const { allOf, ...rest } = schema
  const parts = (allOf as unknown[]).map((_p, i) => child(walk.set, node, 'allOf', i))
  return mergedArbitrary(walk, Object.keys(rest).length > 0 ? [{ schema: rest, at: node.at }, ...parts] : parts, depth)
}

/** Several schemas that must all hold, generated as one: properties and required united, the rest last wins. */
function mergedArbitrary(walk: Walk, parts: SchemaNode[], depth: number): fc.Arbitrary<unknown> {
  const flat = parts.flatMap((p) => (typeof p.schema === 'object' && Array.isArray(p.schema.allOf) ? (p.schema.allOf as unknown[]).map((_x, i) => child(walk.set, p, 'allOf', i)) : [p]))
  if (flat.length === 1) return schemaArbitrary(walk, flat[0]!, depth)
  const objects = flat.filter((p) => typeof p.schema === 'object')
  const merged: Schema = {}
  const required: string[] = []
  // property schemas keep their own location, so $refs inside them still resolve
  // a property named by several parts must satisfy each of them
  const located = new Map<string, SchemaNode[]>()
  for (const part of objects) {
    const s = part.schema as Schema
    Object.assign(merged, Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'properties' && k !== 'required' && k !== 'allOf')))
    for (const name of Object.keys((s.properties ?? {}) as object)) located.set(name, [...(located.get(name) ?? []), child(walk.set, part, 'properties', name)])
    if (Array.isArray(s.required)) required.push(...(s.required as string[]))
  }
  if (located.size === 0) return schemaArbitrary(walk, { schema: { ...merged, required }, at: objects[0]?.at ?? parts[0]!.at }, depth)
  return recordArbitrary(walk, located, required, depth)
}

function anyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -100, max: 100 }), fc.boolean(), fc.constant(null))
}
