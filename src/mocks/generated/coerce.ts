import type { DocumentSet, Location } from '../../contract/documents.js'
import { child, nodeAt, typesOf, type SchemaNode } from '../../generation/schema-node.js'

/**
 * A parameter or form field arrives as text; its schema says what it means. Numbers, booleans and
 * null are read when the schema admits them and the text is one; arrays come as repeated values,
 * comma-separated text or JSON; objects as JSON. Anything else stays text, so the validator names it.
 */
export function coerceText(set: DocumentSet, at: Location | undefined, values: readonly string[]): unknown {
  if (!at) return values[0]
  return coerceNode(set, nodeAt(set, at), values)
}

function coerceNode(set: DocumentSet, node: SchemaNode, values: readonly string[]): unknown {
  const types = typeof node.schema === 'object' ? typesOf(node.schema) ?? [] : []
  if (types.includes('array')) {
    const items = child(set, node, 'items')
    const parts = values.length > 1 ? values : jsonArray(values[0]!) ?? (values[0] === '' ? [] : values[0]!.split(','))
    return parts.map((p) => (typeof p === 'string' ? coerceNode(set, items, [p]) : p))
  }
  const text = values[0]!
  if (types.includes('object') && text.startsWith('{')) return parseJson(text) ?? text
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text)
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true'
  if (types.includes('null') && (text === 'null' || text === '')) return null
  return text
}

function jsonArray(text: string): unknown[] | undefined {
  if (!text.startsWith('[')) return undefined
  const parsed = parseJson(text)
  return Array.isArray(parsed) ? parsed : undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
