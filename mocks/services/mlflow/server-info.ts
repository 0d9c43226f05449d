import { htmlResponse } from './responses.js'
import { defineRoute, type MlflowRoute } from './route.js'
import type { ResolvedMlflowSettings } from './settings.js'

/** The server's own `/health` and `/version` pages: text/html, not JSON (#1, #2). */
export function serverInfoRoutes(settings: ResolvedMlflowSettings): MlflowRoute[] {
  return [
    defineRoute({ methods: ['GET'], path: '/health', rawBody: true, answer: () => htmlResponse('OK') }),
    defineRoute({ methods: ['GET'], path: '/version', rawBody: true, answer: () => htmlResponse(settings.version) }),
  ]
}
