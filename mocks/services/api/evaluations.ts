import { http, type RequestHandler } from 'msw'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp } from './fastapi-responses.js'

// src/api/routes/evaluations.py and evaluation_schedule.py (hokusai-api.md §5.6). Jobs complete at once.

export function evaluationHandlers(): RequestHandler[] {
  const jobs = new Map<string, { modelId: string; evalType: string; createdAt: string }>()
  const schedules = new Map<string, Record<string, unknown>>()
  const noSchedule = (modelId: string) => detailResponse(`No evaluation schedule found for model ${modelId}`, 404)
  const jobOr = async (request: Request, jobId: string, answer: (job: { modelId: string; evalType: string; createdAt: string }) => Response) => {
    const read = await contractRequest(request) // job_id is a UUID
    if (!read.ok) return read.response
    const job = jobs.get(jobId.toLowerCase())
    return job ? answer(job) : detailResponse('Evaluation job not found', 404)
  }
  return [
    http.post('*/api/v1/models/:model_id/evaluate', async ({ request, params }) => {
      // the Idempotency-Key header and config.eval_type are required
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const evalType = (read.body.config as { eval_type: string }).eval_type
      const jobId = crypto.randomUUID()
      const createdAt = naiveTimestamp()
      jobs.set(jobId, { modelId: String(params.model_id), evalType, createdAt })
      return jsonResponse({ job_id: jobId, status: 'queued', estimated_cost: 0.5, queue_position: 0, created_at: createdAt }, 202)
    }),
    http.get('*/api/v1/evaluations/:job_id/status', ({ request, params }) => jobOr(request, String(params.job_id), (job) => jsonResponse({
      job_id: String(params.job_id), status: 'completed', progress_percentage: 100, queue_position: null,
      started_at: job.createdAt, completed_at: job.createdAt, error_details: null,
    }))),
    http.get('*/api/v1/evaluations/:job_id/manifest', ({ request, params }) => jobOr(request, String(params.job_id), (job) => jsonResponse({
      job_id: String(params.job_id), model_id: job.modelId, eval_type: job.evalType, results_summary: { passed: true },
      metrics: { accuracy: 0.91 }, artifact_urls: [], created_at: job.createdAt, completed_at: job.createdAt,
    }))),
    http.post('*/api/v1/models/:model_id/evaluation-schedule', async ({ request, params }) => {
      const modelId = String(params.model_id)
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      if (schedules.has(modelId)) return detailResponse(`Evaluation schedule already exists for model ${modelId}`, 409)
      const now = naiveTimestamp()
      const schedule = {
        id: `schedule-${modelId}`, model_id: modelId, cron_expression: read.body.cron_expression, enabled: read.body.enabled ?? true,
        last_run_at: null, next_run_at: null, created_at: now, updated_at: now,
      }
      schedules.set(modelId, schedule)
      return jsonResponse(schedule, 201)
    }),
    http.get('*/api/v1/models/:model_id/evaluation-schedule', ({ params }) => {
      const schedule = schedules.get(String(params.model_id))
      return schedule ? jsonResponse(schedule) : noSchedule(String(params.model_id))
    }),
    http.put('*/api/v1/models/:model_id/evaluation-schedule', async ({ request, params }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const schedule = schedules.get(String(params.model_id))
      if (!schedule) return noSchedule(String(params.model_id))
      const changes = Object.fromEntries(Object.entries(read.body).filter(([, value]) => value !== null))
      Object.assign(schedule, changes, { updated_at: naiveTimestamp() })
      return jsonResponse(schedule)
    }),
    http.delete('*/api/v1/models/:model_id/evaluation-schedule', ({ params }) =>
      schedules.delete(String(params.model_id)) ? new Response(null, { status: 204 }) : noSchedule(String(params.model_id))),
  ]
}
