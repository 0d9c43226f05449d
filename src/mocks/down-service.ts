import type { MockService } from './service.js'

/** Thrown by a service that is down: callers see it as a connection error, the way fetch would fail. */
export class ServiceDownError extends Error {
  readonly service: string
  constructor(service: string) {
    super(`contractwright: mock service "${service}" is down (connection refused)`)
    this.name = 'ServiceDownError'
    this.service = service
  }
}

/** A service with no healthy instance: every call rejects, like a refused connection. */
export function downService(name: string): MockService {
  return {
    name,
    handle: async () => {
      throw new ServiceDownError(name)
    },
  }
}
