import type { MockService } from '../../../src/mocks/service.js'

export type CallResult = { kind: 'response'; response: Response } | { kind: 'timeout' } | { kind: 'unreachable'; error: unknown }

/**
 * Calls another service in-process the way an HTTP client would: a service that is down throws
 * (connection error), one that is slow is cut off after `timeoutMs`. A thrown `TimeoutError`
 * (AbortSignal.timeout's name) counts as a timeout too, so faults need not sleep.
 */
export async function callService(service: MockService, request: Request, timeoutMs: number): Promise<CallResult> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<CallResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)
  })
  const call = Promise.resolve()
    .then(() => service.handle(request))
    .then(
      (response): CallResult => ({ kind: 'response', response }),
      (error: unknown): CallResult =>
        error instanceof Error && error.name === 'TimeoutError' ? { kind: 'timeout' } : { kind: 'unreachable', error },
    )
  try {
    return await Promise.race([call, timeout])
  } finally {
    clearTimeout(timer)
  }
}
