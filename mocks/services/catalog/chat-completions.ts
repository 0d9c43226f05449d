import { createHash } from 'node:crypto'
import type { CatalogContext } from './catalog-context.js'
import { chatAuthError } from './chat-auth-error.js'
import { detailedError } from './detailed-error.js'
import { fastApiError } from './fastapi-error.js'
import { jsonResponse } from './json-response.js'
import { readChatRequest, type ChatRequest } from './read-chat-request.js'

const CREATED = 1766000000 // fixed, so completions are deterministic

/**
 * POST /v1/chat/completions (gatewayz-catalog.md §8). Order as in FastAPI: body validation (422),
 * then the handler: key (401), then at head the inference pricing gate (400 model_not_priced for a
 * model without pricing or not in the catalog), before the model lookup (404) of older deployments.
 */
export async function chatCompletions(request: Request, ctx: CatalogContext): Promise<Response> {
  const read = readChatRequest(await request.text())
  if (!read.ok) return fastApiError(422, read.issues)
  const key = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim()
  if (key === undefined || !ctx.settings.keys.includes(key)) return chatAuthError()

  const { model: id } = read.request
  const model = ctx.byId.get(id)
  // incident #6: HF chat answered like the unloaded HF routes
  if (ctx.settings.aliasBroken && model?.source_gateway === 'hug') return fastApiError(404, 'Not Found')
  if (model === undefined && !ctx.settings.pricingGate) {
    return detailedError(404, { type: 'model_not_found', message: `Model '${id}' not found`, detail: `Model ${id} not found`, code: 'MODEL_NOT_FOUND' })
  }
  if (model === undefined || model.pricing === null) {
    return ctx.settings.pricingGate ? modelNotPriced(id) : detailedError(400, { type: 'model_not_priced', message: `Model '${id}' has no pricing configured`, code: 'model_not_priced' })
  }

  const content = `Hello from ${id} (contractwright mock).`
  const promptTokens = countTokens(read.request)
  const completionTokens = content.split(/\s+/).length
  const cost = promptTokens * Number(model.pricing.prompt) + completionTokens * Number(model.pricing.completion)
  const completionId = `chatcmpl-${createHash('md5').update(JSON.stringify(read.request)).digest('hex').slice(0, 24)}`
  if (read.request.stream) return streamed(completionId, id, content)
  return jsonResponse({
    id: completionId,
    object: 'chat.completion',
    created: CREATED,
    model: id,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    gateway_usage: { tokens_charged: promptTokens + completionTokens, request_ms: 42, cost_usd: Number(cost.toPrecision(6)) },
  })
}

/** src/security/inference_gates.py: OpenAI's error shape, not the detailed dialect. */
function modelNotPriced(id: string): Response {
  return jsonResponse({ error: { message: `Model '${id}' is not available for inference (no pricing configured).`, type: 'invalid_request_error', code: 'model_not_priced' } }, 400)
}

function countTokens(request: ChatRequest): number {
  const words = request.messages.map((m) => (typeof m.content === 'string' ? m.content.split(/\s+/).filter(Boolean).length : 1))
  return words.reduce((a, b) => a + b, 0) + 4 * request.messages.length
}

/** `stream: true`: OpenAI-style `data:` chunks, then `data: [DONE]`. */
function streamed(id: string, model: string, content: string): Response {
  const chunk = (delta: object, finish: string | null): string =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: CREATED, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  const body = chunk({ role: 'assistant', content }, null) + chunk({}, 'stop') + 'data: [DONE]\n\n'
  return new Response(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } })
}
