import { getResponse, type RequestHandler } from 'msw'
import type { MockService } from './service.js'

/**
 * Places handlers in front of a service, like MSW's `server.use()`: the first match wins and the
 * healthy service (left untouched) answers everything else. This is how a fault overrides behaviour.
 */
export function prependHandlers(service: MockService, handlers: readonly RequestHandler[]): MockService {
  if (handlers.length === 0) return service
  return {
    name: service.name,
    async handle(request) {
      const response = await getResponse([...handlers], request.clone())
      return response ?? service.handle(request)
    },
  }
}
