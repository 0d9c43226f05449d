import { upgrade } from '@scalar/openapi-upgrader'
import { ContractError } from '../errors.js'
import { displayPath, splitRef, type DocumentSet } from './documents.js'
import { getByPointer, unescapeToken } from './pointer.js'

type Obj = Record<string, unknown>

/**
 * Normalises a Swagger 2.0 or OpenAPI 3.0 document set to the 3.1 model once, at load, so everything
 * downstream sees one model (nullable → type unions, boolean exclusive bounds → numbers, example →
 * examples, binary formats → contentMediaType). The conversion is Scalar's maintained upgrader; it
 * decides by where a node sits in a document, so a node of another file is upgraded at the place its
 * `$ref` puts it. Returns the version the document was written in.
 */
export function upgradeDocuments(set: DocumentSet): string {
  const root = set.docs.get(set.root) as Obj
  const version = String(root.openapi ?? root.swagger)
  if (version.startsWith('3.1') || version.startsWith('3.2')) return version
  if (version === '2.0' && set.docs.size > 1) {
    throw new ContractError(displayPath(set.root), '/swagger', 'Swagger 2.0 documents split across files cannot be converted; bundle them into one file, or convert them to OpenAPI 3')
  }
  set.docs.set(set.root, upgrade(root, '3.1'))
  const done = new Set<string>()
  const pending = refsIn(set.docs.get(set.root), set.root, [])
  while (pending.length > 0) {
    const { ref, from, context } = pending.pop()!
    const target = splitRef(ref, from)
    const key = `${target.file}#${target.pointer}`
    // the root file was upgraded whole; a node already upgraded (or inside one) is not upgraded twice
    if (target.file === set.root || [...done].some((d) => key === d || key.startsWith(`${d}/`))) continue
    done.add(key)
    const node = getByPointer(set.docs.get(target.file), target.pointer)
    if (node === null || typeof node !== 'object') continue
    const upgraded = upgradeAt(node as Obj, context)
    replaceAt(set, target.file, target.pointer, upgraded)
    pending.push(...refsIn(upgraded, target.file, context))
  }
  return version
}

/** Upgrades one node as if it stood at `context` in a 3.0 document. */
function upgradeAt(node: Obj, context: string[]): Obj {
  const doc: Obj = { openapi: '3.0.3', info: { title: '', version: '' } }
  let holder = doc
  for (const token of context.slice(0, -1)) holder = (holder[token] = {}) as Obj
  holder[context.at(-1)!] = node
  let out: unknown = upgrade(doc, '3.1')
  for (const token of context) out = (out as Obj)[token]
  return out as Obj
}

function replaceAt(set: DocumentSet, file: string, pointer: string, value: Obj): void {
  if (pointer === '') {
    set.docs.set(file, value)
    return
  }
  const cut = pointer.lastIndexOf('/')
  const parent = getByPointer(set.docs.get(file), pointer.slice(0, cut)) as Obj
  parent[unescapeToken(decodeURIComponent(pointer.slice(cut + 1)))] = value
}

/** Every `$ref` below `node`, with the document path (context) the referenced node takes its place at. */
function refsIn(node: unknown, file: string, context: string[]): Array<{ ref: string; from: string; context: string[] }> {
  const found: Array<{ ref: string; from: string; context: string[] }> = []
  const visit = (value: unknown, path: string[]): void => {
    if (value === null || typeof value !== 'object') return
    const record = value as Obj
    if (typeof record.$ref === 'string') found.push({ ref: record.$ref, from: file, context: path })
    for (const [key, child] of Object.entries(record)) visit(child, [...path, key])
  }
  visit(node, context)
  return found
}
