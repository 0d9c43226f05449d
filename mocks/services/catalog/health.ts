import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'

/** The backend version the mock imitates (Era B HEAD, gatewayz-catalog.md §1). */
const VERSION = '2.0.0+d4e0b0c6'

/** GET /health (§7): public and always 200. */
export function health(): Response {
  return jsonResponse({ status: 'healthy', timestamp: pythonTimestamp(), version: VERSION, database: 'connected' })
}

/** GET /health/quick */
export function quickHealth(): Response {
  return jsonResponse({ status: 'healthy', timestamp: pythonTimestamp() })
}
