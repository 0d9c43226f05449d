import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp, requestIdFor, validationError } from './fastapi-responses.js'
import { mlflowGet } from './mlflow-lookup.js'
import { tokenizedRegistrationEvent } from './tokenized-registration.js'

// src/api/routes/models.py, mounted at /models and /api/models (hokusai-api.md §5.4), in match
// order: `/{model_id}/lineage` must precede `/{model_name}/{version}`.

const created = '2026-07-01T09:00:00.000000'
const productionModels = [
  { name: 'Sales Lead Scoring', version: '3', status: 'READY', created_at: created, tags: { lifecycle_stage: 'production' } },
  { name: 'Technical Task Router', version: '2', status: 'READY', created_at: created, tags: { lifecycle_stage: 'production' } },
]
const param = (value: unknown) => String(value)
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
const modelFormat = /^[^:]+:[^:]+$/

export function modelsRouterHandlers(ctx: ApiContext, prefix: '/models' | '/api/models'): RequestHandler[] {
  const at = (suffix: string) => `*${prefix}${suffix}`
  return [
    http.get(at('/'), () => jsonResponse({ models: productionModels })),
    http.get(at('/:model_id/lineage'), async ({ params }) => {
      const modelId = param(params.model_id)
      const found = await mlflowGet(ctx, 'registered-models/get', { name: modelId })
      if (found.kind === 'missing') return detailResponse(`Model ${modelId} not found`, 404)
      if (found.kind === 'error') return detailResponse('Failed to retrieve model lineage', 500)
      return jsonResponse({
        model_id: modelId,
        lineage: [{ version: '1', created_at: created, metrics: { accuracy: 0.91 }, contributor: null }],
        total_versions: 1, latest_version: '1',
      })
    }),
    http.post(at('/register'), async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const name = String(read.body.model_name)
      return jsonResponse({ model_id: `${name}/1`, model_name: name, version: '1', status: 'registered', registration_timestamp: naiveTimestamp() }, 201)
    }),
    http.post(at('/tokenized-registration-events'), ({ request }) => tokenizedRegistrationEvent(request, ctx)),
    http.get(at('/compare'), async ({ request }) => {
      const read = await contractRequest(request) // model1 and model2 are required
      if (!read.ok) return read.response
      const query = new URL(request.url).searchParams
      const [model1, model2] = [query.get('model1') ?? '', query.get('model2') ?? '']
      if (!modelFormat.test(model1) || !modelFormat.test(model2)) return detailResponse('Invalid model format. Use ModelName:Version', 400)
      return jsonResponse({ model1, model2, delta: { accuracy: 0.02 }, recommendation: `Use ${model2}` })
    }),
    http.post(at('/evaluate'), async ({ request }) => {
      const read = await contractRequest(request) // a dict
      if (!read.ok) return read.response
      return jsonResponse({ model: String(read.body.model ?? 'unknown:1'), results: { accuracy: 0.91, f1: 0.88 } })
    }),
    http.post(at('/batch'), async ({ request }) => {
      const read = await contractRequest(request) // a dict
      if (!read.ok) return read.response
      const operations = (Array.isArray(read.body.operations) ? read.body.operations : []) as { action?: unknown; model?: unknown }[]
      return jsonResponse({ results: operations.map((op) => ({ action: String(op?.action ?? 'unknown'), model: String(op?.model ?? ''), status: 'success' })) })
    }),
    http.get(at('/production'), () => jsonResponse({ models: productionModels })),
    http.get(at('/contributors/:address/impact'), ({ params }) => {
      const address = param(params.address)
      if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return detailResponse('Invalid Ethereum address format', 400)
      return jsonResponse({ address, total_models_improved: 0, total_improvement_score: 0, contributions: [], first_contribution: null, last_contribution: null })
    }),
    http.get(at('/:model_name/:version'), async ({ params }) => {
      const [name, version] = [param(params.model_name), param(params.version)]
      const found = await mlflowGet(ctx, 'model-versions/get', { name, version })
      if (found.kind !== 'found') return detailResponse(`Model not found: ${name}:${version}`, 404)
      const view = (isObject(found.body.model_version) ? found.body.model_version : {}) as Record<string, unknown>
      return jsonResponse({ name, version, status: view.status ?? 'READY', description: view.description ?? '', tags: {} })
    }),
    http.patch(at('/:model_name/:version'), async ({ request }) => {
      const read = await contractRequest(request)
      return read.ok ? jsonResponse({ message: 'Model updated successfully' }) : read.response
    }),
    http.delete(at('/:model_name/:version'), ({ params }) =>
      jsonResponse({ message: `Model ${param(params.model_name)}:${param(params.version)} deleted successfully` })),
    http.post(at('/:model_name/:version/transition'), async ({ request, params }) => {
      const read = await contractRequest(request) // a dict; the mock also wants its `stage`
      if (!read.ok) return read.response
      if (read.body.stage === undefined) return validationError([{ type: 'missing', loc: ['body', 'stage'], msg: 'Field required', input: read.body }], requestIdFor(request))
      return jsonResponse({ message: `Model ${param(params.model_name)}:${param(params.version)} transitioned to ${String(read.body.stage)}` })
    }),
    http.get(at('/:model_name/:version/metrics'), ({ params }) =>
      jsonResponse({ model: `${param(params.model_name)}:${param(params.version)}`, metrics: { accuracy: 0.91, f1: 0.88 } })),
    http.get(at('/:model_name/:version/lineage'), ({ params }) =>
      jsonResponse({ model: `${param(params.model_name)}:${param(params.version)}`, lineage: [] })),
    http.get(at('/:model_name/:version/download'), ({ params }) =>
      jsonResponse({ model: `${param(params.model_name)}:${param(params.version)}`, download_url: `models:/${param(params.model_name)}/${param(params.version)}` })),
    http.get(at('/:model_name/:version/predictions'), ({ params }) =>
      jsonResponse({ model: `${param(params.model_name)}:${param(params.version)}`, predictions: [] })),
  ]
}
