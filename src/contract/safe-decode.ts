/** decodeURIComponent that keeps a malformed escape (`%E0%A4%A`) as it was sent instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
