/** RFC 6901 JSON pointers: used to name the bad field of an input file and to pick a response's error field. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

export function resolvePointer(value: unknown, at: string): unknown {
  if (at === '') return value
  if (!at.startsWith('/')) throw new Error(`"${at}" is not a JSON pointer (it must start with "/")`)
  let current = value
  for (const raw of at.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}
