import { getResponse, type RequestHandler } from 'msw'
import { jsonResponse, methodNotAllowed, notFound } from './fastapi-responses.js'

interface CompiledRoute {
  handler: RequestHandler
  method: string | RegExp
  pattern: RegExp
}

/** `*\/api/v1/models/:model_id/info` → a strict, case-sensitive regex over the decoded path. */
function compilePath(path: string): RegExp {
  const body = path
    .replace(/^\*/, '')
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return '[^/]+'
      if (segment === '*') return '.*'
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return new RegExp(`^${body}$`)
}

function compile(handler: RequestHandler): CompiledRoute | undefined {
  const info = handler.info as { method?: unknown; path?: unknown }
  if (typeof info.path !== 'string') return undefined
  const method = info.method instanceof RegExp || typeof info.method === 'string' ? info.method : /.*/
  return { handler, method, pattern: compilePath(info.path) }
}

/** Starlette matches on the percent-decoded path; undefined when the path cannot be decoded. */
function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname)
  } catch {
    return undefined
  }
}

function methodMatches(route: CompiledRoute, method: string): boolean {
  return typeof route.method === 'string' ? route.method === method : route.method.test(method)
}

/**
 * Starlette's router over MSW handlers: MSW matching is case-insensitive and ignores a trailing
 * slash, so the route is chosen here (full match → handler, path-only match → 405, the path with
 * the trailing slash toggled matches → 307, else 404) and only that handler is given to MSW.
 */
export function createRouter(handlers: readonly RequestHandler[]): (request: Request) => Promise<Response> {
  const routes = handlers.map(compile).filter((route): route is CompiledRoute => route !== undefined)
  return async (request) => {
    const url = new URL(request.url)
    const path = decodedPath(url)
    // MSW cannot decode such a path into parameters; no route can serve it
    if (path === undefined) return notFound()
    const onPath = routes.filter((route) => route.pattern.test(path))
    const chosen = onPath.find((route) => methodMatches(route, request.method))
    if (chosen) {
      const response = await getResponse([chosen.handler], request)
      return response ?? notFound()
    }
    if (onPath.length > 0) return methodNotAllowed()
    if (path !== '/') {
      const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
      if (routes.some((route) => route.pattern.test(toggled))) {
        const location = new URL(url)
        location.pathname = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : `${url.pathname}/`
        return new Response(null, { status: 307, headers: { location: location.href, 'content-length': '0' } })
      }
    }
    return notFound()
  }
}

/** Starlette's ServerErrorMiddleware body for an exception no handler caught. */
export const internalServerError = (): Response => jsonResponse({ detail: 'Internal server error' }, 500)
