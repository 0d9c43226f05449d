import { getResponse, type RequestHandler } from 'msw'

/** One mock service: answers a Fetch request the way the real service would. */
export interface MockService {
  readonly name: string
  handle(request: Request): Promise<Response>
}

/** A service made of MSW handlers; the first matching handler answers, `fallback` answers the rest. */
export function serviceFromHandlers(
  name: string,
  handlers: readonly RequestHandler[],
  fallback: (request: Request) => Response | Promise<Response>,
): MockService {
  return {
    name,
    async handle(request) {
      // getResponse consumes the body of the handler's clone only; keep the original for the fallback
      try {
        const response = await getResponse([...handlers], request.clone())
        return response ?? fallback(request)
      } catch (error) {
        // MSW's path matcher throws URIError on a broken %-escape: no handler can match such a path.
        if (error instanceof URIError) return fallback(request)
        throw error
      }
    },
  }
}
