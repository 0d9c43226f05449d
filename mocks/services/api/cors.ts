// Starlette CORSMiddleware with allow_origins=["*"] and allow_credentials=True (hokusai-api.md §4.6):
// with credentials the request Origin is echoed instead of "*".

const allowedMethods = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'

/** A copy of `response` with the CORS headers a request carrying `Origin` gets. */
export function withCors(response: Response, request: Request): Response {
  const origin = request.headers.get('origin')
  if (origin === null) return response
  const headers = new Headers(response.headers)
  headers.set('access-control-allow-origin', origin)
  headers.set('access-control-allow-credentials', 'true')
  headers.append('vary', 'Origin')
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

/** The middleware's own answer to a preflight (OPTIONS + Origin + Access-Control-Request-Method). */
export function corsPreflight(request: Request): Response | undefined {
  const origin = request.headers.get('origin')
  if (request.method !== 'OPTIONS' || origin === null || !request.headers.has('access-control-request-method')) return undefined
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': allowedMethods,
    'access-control-max-age': '600',
    vary: 'Origin',
  }
  const requested = request.headers.get('access-control-request-headers')
  if (requested) headers['access-control-allow-headers'] = requested
  return new Response('OK', { status: 200, headers })
}
