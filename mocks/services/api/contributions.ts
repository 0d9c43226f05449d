import { http, type RequestHandler } from 'msw'
import { contractRequest } from './contract-request.js'
import { jsonResponse, naiveTimestamp } from './fastapi-responses.js'
import { findModel } from './model-registry.js'

// src/api/endpoints/contributions.py (hokusai-api.md §5.6): never debited (the middleware exempts it).

export function contributionHandlers(): RequestHandler[] {
  const byKey = new Map<string, { fingerprint: string; response: Record<string, unknown> }>()
  const lifecycles = new Map<string, Record<string, unknown>>()
  let next = 1
  return [
    http.post('*/api/v1/models/:model_id/contributions', async ({ request, params }) => {
      const modelId = String(params.model_id)
      const idempotencyHeader = request.headers.get('idempotency-key')
      // 1..10000 rows, no unknown keys (ContributionRequest)
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const rows = read.body.rows as unknown[]
      if (!findModel(modelId)) return jsonResponse({ error: 'model_not_found', model_id: modelId }, 404)
      const metadataKey = (read.body.metadata as { idempotency_key?: unknown } | null)?.idempotency_key
      const key = idempotencyHeader ?? (typeof metadataKey === 'string' ? metadataKey : undefined)
      const fingerprint = JSON.stringify([modelId, rows])
      const earlier = key === undefined ? undefined : byKey.get(key)
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) return jsonResponse({ error: 'idempotency_conflict', submissionId: earlier.response.submissionId }, 409)
        return jsonResponse({ ...earlier.response, idempotentReplay: true }, 200)
      }
      const submissionId = `sub-${modelId}-${next++}`
      const response = {
        accepted: true, modelId, submissionId, jobId: `job-${submissionId}`, jobIds: [`job-${submissionId}`],
        rowsAccepted: rows.length, submittedRows: rows.length, tokenReward: 0, idempotentReplay: false,
        rowFidelityTiers: null, fidelitySummary: null, rejectedRows: [], descriptorWarnings: [],
      }
      if (key !== undefined) byKey.set(key, { fingerprint, response })
      const now = naiveTimestamp()
      lifecycles.set(submissionId, {
        submission_id: submissionId, state: 'accepted', accepted_row_count: rows.length, rejected_row_count: 0,
        reason: null, metadata: read.body.metadata ?? null, training_run_id: null, evaluation_run_id: null, created_at: now, updated_at: now,
      })
      return jsonResponse(response, 201)
    }),
    http.get('*/api/v1/contributions/:submission_id/lifecycle', ({ params }) => {
      const lifecycle = lifecycles.get(String(params.submission_id))
      return lifecycle ? jsonResponse(lifecycle) : jsonResponse({ error: 'lifecycle_not_found', submission_id: String(params.submission_id) }, 404)
    }),
  ]
}
