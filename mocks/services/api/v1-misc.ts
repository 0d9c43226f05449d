import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, requestIdFor, validationError } from './fastapi-responses.js'

// Outcomes, privacy and dataset arrivals (hokusai-api.md §5.6).

const emailPattern = /[\w.+-]+@[\w-]+\.[\w.]+/g

export function v1MiscHandlers(ctx: ApiContext): RequestHandler[] {
  return [
    http.post('*/api/v1/outcomes', async ({ request }) => {
      // a UUID, a score within ±1e6 and a type of 1..128 characters (OutcomeSubmission)
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const keyId = ctx.principalOf(request)?.keyId ?? null
      if (keyId === null) return detailResponse('Authentication required', 401)
      const id = String(read.body.inference_log_id).toLowerCase()
      if (!ctx.inferenceLogs.has(id)) return detailResponse('Inference log not found', 404)
      if (ctx.inferenceLogs.get(id) !== keyId) return detailResponse('Inference log access denied', 403)
      return jsonResponse({ inference_log_id: id, status: 'recorded' })
    }),
    http.post('*/api/v1/privacy/scan', async ({ request }) => {
      const form = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
        ? await request.formData().catch(() => undefined) : undefined
      const payload = form?.get('text') ?? form?.get('file')
      if (payload === undefined || payload === null) {
        return validationError([{ type: 'missing', loc: ['body', 'text'], msg: 'Field required', input: null }], requestIdFor(request))
      }
      const text = typeof payload === 'string' ? payload : await payload.text()
      const emails = text.match(emailPattern) ?? []
      return jsonResponse({ pii_found: emails.length > 0, findings: emails.map(() => ({ type: 'email', count: 1 })), risk_score: emails.length > 0 ? 0.6 : 0 })
    }),
    // no dataset is stored in the mock
    http.post('*/api/v1/privacy/scan/dataset/:dataset_id', () => detailResponse('Dataset not found', 404)),
    http.get('*/api/v1/dataset-arrivals', async ({ request }) => {
      const read = await contractRequest(request) // limit 1..200
      return read.ok ? jsonResponse({ items: [], count: 0 }) : read.response
    }),
  ]
}
