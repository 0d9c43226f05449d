// Auth-service answers. Its errors carry {"detail": {"error": "<UPPER_CODE>", "message": …}} (the
// debit 402 of auth-service.md §4 and the contract's x-services.auth fingerprint), never FastAPI's
// bare {"detail": "…"}: that is how a client tells "the auth service answered" from "the API answered".

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

export const authError = (status: number, error: string, message: string, headers: Record<string, string> = {}): Response =>
  json({ detail: { error, message } }, status, headers)

/** 422 for a request body that does not fit the endpoint's model. */
export const invalidBody = (field: string, message: string): Response =>
  authError(422, 'VALIDATION_ERROR', `${field}: ${message}`)

/**
 * Reads a JSON object body; answers the 422 itself when the body is missing, not JSON, or not an
 * object. Never throws.
 */
export async function readObjectBody(request: Request): Promise<Record<string, unknown> | Response> {
  let text = ''
  try {
    text = await request.text()
  } catch {
    // an unreadable body is an absent one
  }
  if (text.trim() === '') return invalidBody('body', 'Field required')
  const contentType = request.headers.get('content-type') ?? 'application/json'
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) return invalidBody('body', 'Content-Type must be application/json')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return invalidBody('body', 'JSON decode error')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalidBody('body', 'Input should be an object')
  return value as Record<string, unknown>
}
