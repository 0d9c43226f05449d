import { http } from 'msw'
import { setupServer } from 'msw/node'
import type { HostHandler } from './serve-handlers.js'

/**
 * For library users who want no ports: one catch-all MSW handler per host origin, so fetch calls
 * to `origins[host]` (default: the platform's own public origins) reach that host's handler
 * in-process. Call `listen()` / `close()` on the result.
 */
export function setupMockServer(
  platform: { hosts: Readonly<Record<string, HostHandler>>; origins?: Readonly<Record<string, string>> },
  origins: Readonly<Record<string, string>> = platform.origins ?? {},
): ReturnType<typeof setupServer> {
  const missing = Object.keys(platform.hosts).filter((name) => origins[name] === undefined)
  if (missing.length > 0) {
    throw new Error(`contractwright: setupMockServer needs an origin for every host; missing: ${missing.join(', ')}`)
  }
  const handlers = Object.entries(platform.hosts).map(([name, handle]) => {
    const origin = new URL(origins[name]!).origin
    // the handler gets the intercepted request itself, so the host sees exactly what the client sent
    return http.all(`${origin}/*`, ({ request }) => handle(request))
  })
  return setupServer(...handlers)
}
