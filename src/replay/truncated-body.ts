// The seeded sequences cut request bodies longer than 300 characters: `…(385)` at the end says 385 more
// characters were sent than recorded. Such a request cannot be resent as it was.
const MARKER = /…\((\d+)\)$/u

/** The number of characters the recording left off, or undefined for a complete body. */
export function omittedLength(body: string): number | undefined {
  const m = MARKER.exec(body)
  return m ? Number(m[1]) : undefined
}

/**
 * The longest prefix of a cut JSON text that still parses once closed at an element boundary: a comma
 * between array elements or between the top-level object's members (never inside a nested object, whose
 * half would be an invalid element), so the server's state stays as close as the recording allows.
 */
export function repairCutJson(body: string): string | undefined {
  const text = body.replace(MARKER, '')
  const cuts: Array<{ at: number; closers: string }> = []
  const stack: string[] = []
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') stack.push('}')
    else if (c === '[') {
      stack.push(']')
      cuts.push({ at: i + 1, closers: [...stack].reverse().join('') }) // an empty array is a whole element
    } else if (c === '}' || c === ']') stack.pop()
    else if (c === ',' && (stack.at(-1) === ']' || stack.length === 1)) cuts.push({ at: i, closers: [...stack].reverse().join('') })
  }
  for (const { at, closers } of cuts.reverse()) {
    const candidate = text.slice(0, at) + closers
    try {
      JSON.parse(candidate)
      return candidate
    } catch {
      // an earlier boundary, then
    }
  }
  return undefined
}
