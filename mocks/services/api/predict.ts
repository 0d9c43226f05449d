import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp, requestIdFor, validationError } from './fastapi-responses.js'
import { validateModelInputs } from './model-inputs.js'
import { findModel, modelUriOf } from './model-registry.js'
import { predictLeadScore, predictSalesLead, predictTaskRoute } from './predictions.js'

// POST /api/v1/models/{id}/predict and its error matrix (hokusai-api.md §6.3-§6.5). FastAPI
// validates the body before the handler, so 422 comes before the 404 for an unknown model.

const knownMethods = new Set(['api', 'local', 'mlflow_pyfunc'])

export async function predict(request: Request, modelId: string, ctx: ApiContext): Promise<Response> {
  const { settings } = ctx
  const read = await contractRequest(request) // PredictionRequest
  if (!read.ok) return read.response
  const { inputs, options } = read.body as { inputs: Record<string, unknown>; options?: Record<string, unknown> | null }

  const entry = findModel(modelId)
  if (!entry) return detailResponse(`Model ${modelId} not found`, 404)
  const requested = options?.inference_method
  const method = requested === undefined || requested === null ? entry.defaultMethod : String(requested)
  if (!knownMethods.has(method)) return detailResponse(`Unknown inference method: ${method}`, 400)
  if (!entry.inferenceMethods.includes(method)) {
    if (method === 'mlflow_pyfunc') return detailResponse(`MLflow registry entry for ${entry.name} is missing model_uri`, 500)
    return detailResponse(`Prediction failed: ${entry.name} does not support inference method ${method}`, 500)
  }

  const inferenceLogId = crypto.randomUUID()
  if (entry.id === '21' && !settings.HUGGINGFACE_API_KEY) {
    return detailResponse('HuggingFace token not configured', 500)
  }
  if (entry.id === '30' && settings.model30WarmupState !== 'ready') {
    return detailResponse(
      { error: 'model_not_ready', model_id: '30', warmup_state: settings.model30WarmupState, retry_after_s: 30 },
      503, { 'retry-after': '30' },
    )
  }
  const inputErrors = validateModelInputs(entry.id, inputs)
  if (inputErrors.length > 0) {
    // §7 #13: the real code replaces the client's X-Request-ID with the inference log id
    return validationError(inputErrors, settings.requestIdFromInferenceLog ? inferenceLogId : requestIdFor(request))
  }

  const principal = ctx.principalOf(request)
  const metadata: Record<string, unknown> = {
    api_version: '1.0',
    inference_method: method,
    user_id: principal?.userId ?? null,
    api_key_id: principal?.keyId ?? null,
  }
  if (entry.storageType === 'mlflow') {
    Object.assign(metadata, {
      model_uri: modelUriOf(entry, settings), model_version: 'production', schema: entry.schema, request_id: inferenceLogId,
    })
  }
  ctx.inferenceLogs.set(inferenceLogId, principal?.keyId ?? null)
  const predictions = entry.id === '21' ? predictLeadScore(inputs) : entry.id === '27' ? predictSalesLead(inputs) : predictTaskRoute(inputs)
  return jsonResponse({
    model_id: entry.id, predictions, metadata, timestamp: naiveTimestamp(), inference_log_id: inferenceLogId,
  })
}
