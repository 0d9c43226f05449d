// The seeded sequences cut request bodies longer than 300 characters: `…(385)` at the end says 385 more
// characters were sent than recorded. Such a request cannot be resent as it was.
const MARKER = /…\((\d+)\)$/u

/** The number of characters the recording left off, or undefined for a complete body. */
export function omittedLength(body: string): number | undefined {
  const m = MARKER.exec(body)
  return m ? Number(m[1]) : undefined
}

/**
 * The longest prefix of a cut JSON text that still parses once its open strings, arrays and objects are
 * closed at an element boundary: the elements the recording kept, so the server's state stays close.
 */
export function repairCutJson(body: string): string | undefined {
  const text = body.replace(MARKER, '')
  for (let end = text.length; end > 0; end--) {
    if (end < text.length && text[end] !== ',' && text[end - 1] !== '[' && text[end - 1] !== '{') continue
    const candidate = text.slice(0, end)
    const closers = openBrackets(candidate)
    if (closers === undefined) continue
    try {
      JSON.parse(candidate + closers)
      return candidate + closers
    } catch {
      // not at an element boundary yet
    }
  }
  return undefined
}

/** The closing brackets an unfinished JSON text needs, or undefined when it ends inside a string. */
function openBrackets(text: string): string | undefined {
  const stack: string[] = []
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') stack.push('}')
    else if (c === '[') stack.push(']')
    else if (c === '}' || c === ']') stack.pop()
  }
  return inString ? undefined : stack.reverse().join('')
}
