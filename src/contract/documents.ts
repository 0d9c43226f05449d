import { dirname, relative, resolve } from 'node:path'
import { YAMLParseError } from 'yaml'
import { parseYamlCached } from './parse-yaml-cached.js'
import { ContractError } from '../errors.js'
import { getByPointer, joinPointer } from './pointer.js'
import { isUrl, readSource } from './read-source.js'

/** Where a value lives: an absolute file path (or an http(s) URL) and a JSON pointer inside it. */
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

/** A path as shown in messages: relative to the working directory; URLs as they are. */
export function displayPath(file: string): string {
  return isUrl(file) ? file : relative(process.cwd(), file) || file
}

export function displayLocation(loc: Location): string {
  return `${displayPath(loc.file)}#${loc.pointer}`
}

export function loadDocuments(rootFile: string): DocumentSet {
  const set: DocumentSet = { root: isUrl(rootFile) ? new URL(rootFile).href : resolve(rootFile), docs: new Map(), texts: new Map() }
  const pending: Array<{ file: string; from?: Location }> = [{ file: set.root }]
  const refs = new Map<string, FoundRef[]>()
  while (pending.length > 0) {
    const { file, from } = pending.pop()!
    if (set.docs.has(file)) continue
    const found = collectRefs(readReferenced(file, from, set))
    refs.set(file, found)
    for (const { ref, pointer } of found) {
      const target = splitRef(ref, file).file
      if (!set.docs.has(target)) pending.push({ file: target, from: { file, pointer } })
    }
  }
  for (const [file, found] of refs) checkRefs(set, found, file)
  return set
}

// A file that cannot be read is named together with the $ref that asked for it.
function readReferenced(file: string, from: Location | undefined, set: DocumentSet): unknown {
  if (!from) return readDocument(file, set)
  try {
    return readDocument(file, set)
  } catch (error) {
    if (!(error instanceof ContractError)) throw error
    throw new ContractError(displayPath(from.file), from.pointer, `$ref to ${displayPath(file)}: ${error.problem}`)
  }
}

function readDocument(file: string, set: DocumentSet): unknown {
  const text = readSource(file, displayPath(file))
  const doc = parseDocument(text, displayPath(file))
  set.docs.set(file, doc)
  set.texts.set(file, text)
  return doc
}

/** JSON (fast path) or YAML, which is a superset of JSON. */
function parseDocument(text: string, shown: string): unknown {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text)
    } catch {
      // not strict JSON (comments, flow-style YAML): the YAML parser decides below
    }
  }
  try {
    return parseYamlCached(text)
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : ''
    // the parser's first line repeats the position and ends with a colon before its code frame
    const reason = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    throw new ContractError(shown, undefined, `invalid YAML${where}: ${reason}`)
  }
}

/** Splits a `$ref` into the absolute file it names (or `from` for a local ref) and its pointer. */
export function splitRef(ref: string, from: string): Location {
  const hash = ref.indexOf('#')
  const filePart = hash === -1 ? ref : ref.slice(0, hash)
  const pointer = hash === -1 ? '' : ref.slice(hash + 1)
  if (filePart === '') return { file: from, pointer }
  return { file: isUrl(from) || isUrl(filePart) ? new URL(filePart, from).href : resolve(dirname(from), filePart), pointer }
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
