import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { bodyOr422 } from './body-or-422.js'
import { detailResponse, jsonResponse, requestIdFor, validationError } from './fastapi-responses.js'
import { uuidOr422 } from './uuid-param.js'

// Outcomes, privacy and dataset arrivals (hokusai-api.md §5.6).

const emailPattern = /[\w.+-]+@[\w-]+\.[\w.]+/g

export function v1MiscHandlers(ctx: ApiContext): RequestHandler[] {
  return [
    http.post('*/api/v1/outcomes', async ({ request }) => {
      const read = await bodyOr422(request, {
        fields: { inference_log_id: 'string', outcome_score: 'number', outcome_type: 'string' },
        required: ['inference_log_id', 'outcome_score', 'outcome_type'],
      })
      if (!read.ok) return read.response
      const { inference_log_id: logId, outcome_score: score, outcome_type: type } = read.body as { inference_log_id: string; outcome_score: number; outcome_type: string }
      const invalid = uuidOr422(request, logId, ['body', 'inference_log_id'])
      if (invalid) return invalid
      if (Math.abs(score) > 1e6 || type.length < 1 || type.length > 128) {
        const item = Math.abs(score) > 1e6
          ? { type: 'less_than_equal', loc: ['body', 'outcome_score'], msg: 'Input should be less than or equal to 1000000', input: score, ctx: { le: 1000000 } }
          : { type: 'string_too_long', loc: ['body', 'outcome_type'], msg: 'String should have between 1 and 128 characters', input: type }
        return validationError([item], requestIdFor(request))
      }
      const keyId = ctx.principalOf(request)?.keyId ?? null
      if (keyId === null) return detailResponse('Authentication required', 401)
      const id = logId.toLowerCase()
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
    http.get('*/api/v1/dataset-arrivals', ({ request }) => {
      const query = new URL(request.url).searchParams
      const limit = query.has('limit') ? Number(query.get('limit')) : 50
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
        const item = { type: limit > 200 ? 'less_than_equal' : 'greater_than_equal', loc: ['query', 'limit'], msg: limit > 200 ? 'Input should be less than or equal to 200' : 'Input should be greater than or equal to 1', input: query.get('limit') }
        return validationError([item], requestIdFor(request))
      }
      return jsonResponse({ items: [], count: 0 })
    }),
  ]
}
