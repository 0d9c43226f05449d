import { safeDecode } from './safe-decode.js'

// JSON Pointer (RFC 6901): '~' is '~0' and '/' is '~1' inside a reference token.
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => '/' + escapeToken(String(t))).join('')
}

/** The value at `pointer` inside `root`, or undefined when any step is missing. */
export function getByPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root
  let node: unknown = root
  for (const raw of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[unescapeToken(safeDecode(raw))] // $ref fragments are URI fragments: '{' may arrive as '%7B'
  }
  return node
}
