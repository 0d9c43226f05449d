import { http, type RequestHandler } from 'msw'
import { readParams } from './read-params.js'
import { Params } from './params.js'
import { errorResponse, jsonResponse, methodNotAllowedPage } from './responses.js'
import type { MlflowRoute } from './route.js'

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
}

/** `/logged-models/:model_id` → an anchored regex on the whole pathname, so `*` origins cannot over-match. */
function exactPath(full: string): RegExp {
  const body = full
    .split('/')
    .map((seg) => (seg === '*' ? '.+' : seg.startsWith(':') ? '[^/]+' : escapeRegExp(seg)))
    .join('/')
  return new RegExp(`^${body}$`)
}

function decodeParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue
    try {
      out[k] = decodeURIComponent(v)
    } catch {
      out[k] = v // a stray `%` is kept as sent rather than failing the request
    }
  }
  return out
}

/**
 * MSW handlers for `routes` under each prefix, any origin. A known path with a wrong method gets the
 * HTML 405 page, but only after every route had its chance (Werkzeug tries all rules before a 405).
 * GET routes answer HEAD too, as Werkzeug adds HEAD to every GET rule.
 */
export function toHandlers(routes: readonly MlflowRoute[], prefixes: readonly string[]): RequestHandler[] {
  const answering: RequestHandler[] = []
  const wrongMethod: RequestHandler[] = []
  for (const prefix of prefixes) {
    const paths = new Map<string, Set<string>>() // path → methods, for OPTIONS and 405
    for (const route of routes) {
      const full = prefix + route.path
      const exact = exactPath(full)
      const methods = paths.get(full) ?? new Set<string>()
      for (const m of route.methods) methods.add(m)
      if (route.methods.includes('GET')) methods.add('HEAD')
      paths.set(full, methods)
      const answer = async (request: Request, params: Record<string, unknown>): Promise<Response> => {
        try {
          const input = route.rawBody ? new Params({}) : await readParams(request)
          const out = await route.answer({ params: input, request, url: new URL(request.url), pathParams: decodeParams(params) })
          return out instanceof Response ? out : jsonResponse(out)
        } catch (error) {
          return errorResponse(error)
        }
      }
      for (const method of route.methods) {
        answering.push(
          http[method.toLowerCase() as 'get'](`*${full}`, ({ request, params }) =>
            exact.test(new URL(request.url).pathname) ? answer(request, params) : undefined),
        )
      }
      if (route.methods.includes('GET')) {
        // Werkzeug answers HEAD on every GET rule: the GET's status and headers, no body
        answering.push(http.head(`*${full}`, async ({ request, params }) => {
          if (!exact.test(new URL(request.url).pathname)) return undefined
          const got = await answer(new Request(request.url, { method: 'GET', headers: request.headers }), params)
          return new Response(null, { status: got.status, statusText: got.statusText, headers: got.headers })
        }))
      }
    }
    for (const [full, methods] of paths) {
      const exact = exactPath(full)
      // Flask answers OPTIONS on every rule itself: 200, empty body, the allowed methods
      const allow = [...methods, 'OPTIONS'].sort().join(', ')
      answering.push(http.options(`*${full}`, ({ request }) => (exact.test(new URL(request.url).pathname)
        ? new Response('', { status: 200, headers: { allow, 'content-type': 'text/html; charset=utf-8' } }) : undefined)))
      wrongMethod.push(
        http.all(`*${full}`, ({ request }) => (exact.test(new URL(request.url).pathname) ? methodNotAllowedPage() : undefined)),
      )
    }
  }
  return [...answering, ...wrongMethod]
}
