import { getResponse, type RequestHandler } from 'msw'
import { candidateHandlers } from './candidate-handlers.js'

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
  const candidates = candidateHandlers(handlers)
  return {
    name,
    async handle(request) {
      try {
        const response = await answerWith(candidates(request), request)
        return response ?? fallback(request)
      } catch (error) {
        // MSW's path matcher throws URIError on a broken %-escape: no handler can match such a path.
        if (error instanceof URIError) return fallback(request)
        throw error
      }
    },
  }
}

/** MSW's answer from these handlers, leaving `request` unread for whoever answers if none does. */
export async function answerWith(handlers: RequestHandler[], request: Request): Promise<Response | undefined> {
  if (handlers.length === 0) return undefined
  // getResponse reads the body of what it is given: hand it a clone when there may be a body to keep
  // (decided by method: asking an InProcessRequest for its body stream would build a Fetch Request)
  const bodyless = request.method === 'GET' || request.method === 'HEAD'
  return getResponse(handlers, bodyless ? request : request.clone())
}
