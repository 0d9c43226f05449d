import type { RequestHandler } from 'msw'
import { candidateHandlers } from './candidate-handlers.js'
import { answerWith, type MockService } from './service.js'

/**
 * Places handlers in front of a service, like MSW's `server.use()`: the first match wins and the
 * healthy service (left untouched) answers everything else. This is how a fault overrides behaviour.
 */
export function prependHandlers(service: MockService, handlers: readonly RequestHandler[]): MockService {
  if (handlers.length === 0) return service
  const candidates = candidateHandlers(handlers)
  return {
    name: service.name,
    async handle(request) {
      const response = await answerWith(candidates(request), request)
      return response ?? service.handle(request)
    },
  }
}
