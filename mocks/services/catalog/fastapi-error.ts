import { jsonResponse } from './json-response.js'

/** One pydantic v2 validation error item (FastAPI's 422 `detail[]`). */
export interface ValidationIssue {
  type: string
  loc: (string | number)[]
  msg: string
  input: unknown
  ctx?: Record<string, unknown>
}

/** FastAPI dialect (§9): router 404/405 (`{"detail":"Not Found"}`) and 422 validation (`{"detail":[…]}`). */
export function fastApiError(status: number, detail: string | ValidationIssue[]): Response {
  return jsonResponse({ detail }, status)
}
