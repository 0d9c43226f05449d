const MASK = '****'
const MIN_SECRET_LENGTH = 4 // shorter values would mask ordinary words

/** Every form a secret can take in an artifact: plain, URL-encoded and base64 (also inside a Basic header). */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>()
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue
    forms.add(s)
    forms.add(encodeURIComponent(s))
    forms.add(Buffer.from(s).toString('base64'))
    forms.add(Buffer.from(s).toString('base64').replace(/=+$/, ''))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/** Masks secrets by value first; header and parameter names are a second net for values we were not told. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const form of secretForms(secrets)) out = out.split(form).join(MASK)
  return out
    .replace(/(authorization:\s*(?:bearer|apikey|basic)\s+)[^\s'"]+/gi, `$1${MASK}`)
    .replace(/(x-api-key:\s*)[^\s'"]+/gi, `$1${MASK}`)
    .replace(/([?&]api_key=)[^&\s'"]+/gi, `$1${MASK}`)
}
