import { fastApiError } from './fastapi-error.js'

// Paths the catalog serves, with their methods: a known path with another method gets 405, like Starlette.
const routes: readonly [RegExp, string][] = [
  [/^\/(v1\/)?models\/?$/, 'GET'],
  [/^\/v1\/models\/.+/, 'GET'],
  [/^\/v1\/(gateways(\/status)?|routers|provider)\/?$/, 'GET'],
  [/^\/health(\/quick)?\/?$/, 'GET'],
  [/^\/v1\/chat\/completions\/?$/, 'POST'],
]

/** What the FastAPI app answers when no handler matched: 405 on a known path, else 404 {"detail":"Not Found"}. */
export function starletteFallback(request: Request): Response {
  let path = '/'
  try {
    path = new URL(request.url).pathname
  } catch {
    // an unparsable URL names no route
  }
  const route = routes.find(([pattern]) => pattern.test(path))
  if (route !== undefined && route[1] !== request.method) {
    const response = fastApiError(405, 'Method Not Allowed')
    response.headers.set('allow', route[1])
    return response
  }
  return fastApiError(404, 'Not Found')
}
