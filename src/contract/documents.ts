import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { YAMLParseError } from 'yaml'
import { parseYamlCached } from './parse-yaml-cached.js'
import { ContractError } from '../errors.js'
import { getByPointer, joinPointer } from './pointer.js'

/** Where a value lives: an absolute file path and a JSON pointer inside it. */
export interface Location {
  file: string
  pointer: string
}

/** Every file reachable from a root document through relative `$ref`s, parsed once. */
export interface DocumentSet {
  root: string
  docs: Map<string, unknown>
  texts: Map<string, string>
}

/** A path as shown in messages: relative to the working directory. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file
}

export function displayLocation(loc: Location): string {
  return `${displayPath(loc.file)}#${loc.pointer}`
}

export function loadDocuments(rootFile: string): DocumentSet {
  const set: DocumentSet = { root: resolve(rootFile), docs: new Map(), texts: new Map() }
  const pending = [set.root]
  const refs = new Map<string, FoundRef[]>()
  while (pending.length > 0) {
    const file = pending.pop()!
    if (set.docs.has(file)) continue
    const found = collectRefs(readDocument(file, set))
    refs.set(file, found)
    for (const { ref } of found) {
      const target = splitRef(ref, file).file
      if (!set.docs.has(target)) pending.push(target)
    }
  }
  for (const [file, found] of refs) checkRefs(set, found, file)
  return set
}

function readDocument(file: string, set: DocumentSet): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ContractError(displayPath(file), undefined, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`)
  }
  try {
    const doc = parseYamlCached(text)
    set.docs.set(file, doc)
    set.texts.set(file, text)
    return doc
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : ''
    throw new ContractError(displayPath(file), undefined, `invalid YAML${where}: ${(error as Error).message.split('\n')[0]}`)
  }
}

/** Splits a `$ref` into the absolute file it names (or `from` for a local ref) and its pointer. */
export function splitRef(ref: string, from: string): Location {
  const hash = ref.indexOf('#')
  const filePart = hash === -1 ? ref : ref.slice(0, hash)
  const pointer = hash === -1 ? '' : ref.slice(hash + 1)
  return { file: filePart === '' ? from : resolve(dirname(from), filePart), pointer }
}

interface FoundRef {
  ref: string
  pointer: string
}

// One pass per document; the JSON pointer is only built where a $ref is found (large contracts have
// tens of thousands of nodes and a few thousand refs).
function collectRefs(root: unknown): FoundRef[] {
  const found: FoundRef[] = []
  const path: string[] = []
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (typeof record.$ref === 'string') found.push({ ref: record.$ref, pointer: joinPointer('', ...path) })
    for (const key of Object.keys(record)) {
      path.push(key)
      visit(record[key])
      path.pop()
    }
  }
  visit(root)
  return found
}

function checkRefs(set: DocumentSet, refs: readonly FoundRef[], file: string): void {
  for (const { ref, pointer } of refs) {
    const target = splitRef(ref, file)
    if (!set.docs.has(target.file) || getByPointer(set.docs.get(target.file), target.pointer) === undefined) {
      throw new ContractError(displayPath(file), pointer, `$ref "${ref}" does not resolve (no ${displayLocation(target)})`)
    }
  }
}

/** Follows `$ref` chains from a value found at `at`; returns the final value and where it lives. */
export function deref(set: DocumentSet, value: unknown, at: Location): { value: unknown; at: Location } {
  const seen = new Set<string>()
  while (value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string') {
    const next = splitRef((value as { $ref: string }).$ref, at.file)
    const key = `${next.file}#${next.pointer}`
    if (seen.has(key)) throw new ContractError(displayPath(at.file), at.pointer, `circular $ref through ${key}`)
    seen.add(key)
    at = next
    value = getByPointer(set.docs.get(next.file), next.pointer)
  }
  return { value, at }
}
