/** The short reason a request never got an answer: ECONNREFUSED, ENOTFOUND, a timeout … */
export function networkErrorReason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`
  return e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? e?.cause?.message ?? e?.message ?? String(error)
}
