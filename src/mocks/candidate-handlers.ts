import type { RequestHandler } from 'msw'

/** The handlers that could answer a request, in their original order. */
export type CandidateHandlers = (request: Request) => RequestHandler[]

interface Requirement {
  handler: RequestHandler
  method: string | RegExp | undefined // undefined: any
  literals: string[] // lower-cased runs of the path that every matching URL contains
}

// MSW tries each handler in turn, and trying one costs a path-to-regexp compile and a cookie parse.
// A handler can only match when its method matches and every literal run of its path occurs in the
// URL (MSW matches case-insensitively), so checking that first leaves getResponse one or two handlers
// to try. It is a necessary condition only: MSW still decides, in the original order.
export function candidateHandlers(handlers: readonly RequestHandler[]): CandidateHandlers {
  const requirements = handlers.map(requirementOf)
  return (request) => {
    const method = request.method.toUpperCase()
    const url = request.url.toLowerCase()
    return requirements
      .filter((r) => methodMatches(r.method, method) && r.literals.every((literal) => url.includes(literal)))
      .map((r) => r.handler)
  }
}

function requirementOf(handler: RequestHandler): Requirement {
  const info = handler.info as { method?: unknown; path?: unknown }
  const method = typeof info.method === 'string' ? info.method.toUpperCase() : info.method instanceof RegExp ? info.method : undefined
  return { handler, method, literals: typeof info.path === 'string' ? literalsOf(info.path) : [] }
}

// Only plain paths (`*`, `:name`, literal characters) give literals; any other path-to-regexp syntax
// (groups, modifiers, escapes) makes the handler a candidate for every URL.
function literalsOf(path: string): string[] {
  if (/[{}()?+\\]/.test(path)) return []
  return path
    .split(/:[A-Za-z0-9_]+|\*/)
    .map((run) => run.replace(/\/+$/, '').toLowerCase()) // a trailing slash is optional to MSW
    .filter((run) => run.length > 0)
}

function methodMatches(expected: string | RegExp | undefined, method: string): boolean {
  if (expected === undefined) return true
  return typeof expected === 'string' ? expected === method : expected.test(method)
}
