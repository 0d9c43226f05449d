/** `application/json; charset=utf-8` → `application/json`; `+json` types count as JSON. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

export function isJsonType(contentType: string | null | undefined): boolean {
  const type = mediaType(contentType)
  return type === 'application/json' || type.endsWith('+json')
}

/** JSON text as a value, or undefined when it does not parse (a JSON-typed body can still be broken). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
