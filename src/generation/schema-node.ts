import { deref, type DocumentSet, type Location } from '../contract/documents.js'
import { getByPointer, joinPointer } from '../contract/pointer.js'

export type Schema = Record<string, unknown>

/** A schema and where it lives, `$ref`s followed: what generators walk. */
export interface SchemaNode {
  schema: Schema | boolean
  at: Location
}

export function nodeAt(set: DocumentSet, at: Location): SchemaNode {
  const found = deref(set, getByPointer(set.docs.get(at.file), at.pointer), at)
  return { schema: (found.value ?? true) as Schema | boolean, at: found.at }
}

/** A sub-schema of `node` by keyword path (`properties`, `name`), `$ref`s followed. */
export function child(set: DocumentSet, node: SchemaNode, ...tokens: Array<string | number>): SchemaNode {
  return nodeAt(set, { file: node.at.file, pointer: joinPointer(node.at.pointer, ...tokens) })
}

/** The JSON types a schema admits (`type` as a string or a list); undefined when it does not say. */
export function typesOf(schema: Schema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type]
  if (Array.isArray(schema.type)) return schema.type as string[]
  if (schema.const !== undefined) return [jsonType(schema.const)]
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map(jsonType))]
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return ['object']
  if (schema.items || schema.prefixItems) return ['array']
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern || schema.format) return ['string']
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return ['number']
  return undefined
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}
