// Small pure helpers for test titles and refusal verdicts. Titles carry the concrete request, so a
// platform engineer (and the fault matrix's title patterns) can tell from the title what was sent.

/** The path segments every path shares, ending in '/': `/api/v1/models/{model_id}/`; '' when only '/' is shared. */
export function commonPathPrefix(paths: readonly string[]): string {
  if (paths.length === 0) return ''
  if (paths.length === 1) return paths[0]!
  const split = paths.map((p) => p.split('/'))
  const shared: string[] = []
  for (let i = 0; split.every((s) => i < s.length - 1 && s[i] === split[0]![i]); i++) shared.push(split[0]![i]!)
  const prefix = `${shared.join('/')}/`
  return prefix === '/' ? '' : prefix
}

/**
 * A request the key check must refuse (4xx/5xx expected) that was served instead: incidents.md #9. The
 * spec cannot tell a bypassed middleware from a skipped balance or admin check, so the words name both.
 */
export function servedDespiteRefusal(operationId: string, who: string, expected: string, status: number): string | undefined {
  if (!/^[45]/.test(expected) || status >= 400) return undefined
  return `security: operation ${operationId} accepts unauthenticated requests, or skips the check that must refuse ${who}: expected ${expected}, got ${status}`
}
