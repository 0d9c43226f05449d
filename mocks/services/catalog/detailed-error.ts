import { randomBytes } from 'node:crypto'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'

export interface DetailedErrorFields {
  type: string
  message: string
  code: string
  detail?: string
  suggestions?: string[]
  context?: Record<string, unknown>
}

/** Detailed dialect (§9, `detailed_http_exception_handler`, exclude_none): every raised HTTPException. */
export function detailedError(status: number, fields: DetailedErrorFields): Response {
  const { type, message, detail, code, suggestions, context } = fields
  const error = {
    type,
    message,
    ...(detail === undefined ? {} : { detail }),
    code,
    status,
    request_id: `req_${randomBytes(6).toString('hex')}`,
    timestamp: pythonTimestamp(new Date(), 'Z'),
    ...(suggestions === undefined ? {} : { suggestions }),
    ...(context === undefined ? {} : { context }),
  }
  return jsonResponse({ error }, status)
}
