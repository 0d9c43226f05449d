import type { PydanticError } from '../../../src/mocks/generated/fastapi-errors.js'

// FastAPI's own response shapes (hokusai-api.md §2.2, §8): compact JSON, `application/json`.

/** A JSON response the way Starlette's JSONResponse writes it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** `{"detail": …}`, the envelope of every Hokusai error. */
export function detailResponse(detail: unknown, status: number, headers: Record<string, string> = {}): Response {
  return jsonResponse({ detail }, status, headers)
}

export const notFound = (): Response => detailResponse('Not Found', 404)
export const methodNotAllowed = (): Response => detailResponse('Method Not Allowed', 405)

/** One item of a pydantic v2 validation error as FastAPI reports it (older FastAPI adds `url`). */
export type ValidationItem = PydanticError & { url?: string }

/** The X-Request-ID a 422 carries: the client's, truncated to 128 characters, else a fresh uuid4. */
export function requestIdFor(request: Request): string {
  const incoming = request.headers.get('x-request-id')
  return incoming ? incoming.slice(0, 128) : crypto.randomUUID()
}

/** 422 `{"detail":[…]}` + X-Request-ID (src/api/middleware/validation_logging.py). */
export function validationError(items: ValidationItem[], requestId: string): Response {
  return detailResponse(items, 422, { 'x-request-id': requestId })
}

/** The naive ISO timestamp `datetime.utcnow().isoformat()` writes: microseconds, no `Z`. */
export function naiveTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 23)}000`
}
