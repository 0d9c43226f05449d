import type { ApiContext } from './api-context.js'
import { bodyOr422 } from './body-or-422.js'
import { detailResponse, jsonResponse, requestIdFor, validationError, type ValidationItem } from './fastapi-responses.js'

// POST {/models,/api/models}/tokenized-registration-events (hokusai-api.md §5.4, auth-service.md §6).

const writeScopes = new Set(['model:write', 'mlflow:write', 'mlflow:access', 'admin', 'mlflow:admin', 'write', 'full_access'])
const requiredStrings = ['model_name', 'version', 'token_id', 'proposal_identifier', 'metric_name', 'mlflow_run_id'] as const
const boundedStrings = ['eval_spec', 'scorer_ref', 'primary_metric', 'benchmark_spec_id'] as const

function ruleErrors(body: Record<string, unknown>): ValidationItem[] {
  const errors: ValidationItem[] = []
  for (const name of requiredStrings) {
    if (typeof body[name] === 'string' && (body[name] as string).trim() === '') {
      errors.push({ type: 'value_error', loc: ['body', name], msg: 'Value error, must be a non-empty string', input: body[name] })
    }
  }
  for (const name of boundedStrings) {
    const value = body[name]
    if (typeof value === 'string' && value.length > 500) {
      errors.push({ type: 'string_too_long', loc: ['body', name], msg: 'String should have at most 500 characters', input: value, ctx: { max_length: 500 } })
    }
  }
  const tags = body.tags
  if (tags !== undefined && tags !== null && Object.values(tags as object).some((value) => typeof value !== 'string')) {
    errors.push({ type: 'string_type', loc: ['body', 'tags'], msg: 'Input should be a valid string', input: tags })
  }
  return errors
}

export async function tokenizedRegistrationEvent(request: Request, ctx: ApiContext): Promise<Response> {
  // the scope dependency runs before the body is validated
  const principal = ctx.principalOf(request)
  const scopes = [...(principal?.scopes ?? []), ...(principal?.roles ?? [])]
  if (!scopes.some((scope) => writeScopes.has(scope))) {
    return detailResponse('Insufficient permissions for model registration events', 403)
  }
  const read = await bodyOr422(request, {
    fields: {
      ...Object.fromEntries(requiredStrings.map((name) => [name, 'string'])),
      ...Object.fromEntries(boundedStrings.map((name) => [name, 'string'])),
      baseline_value: 'number', current_value: 'number', model_uri: 'string', api_schema: 'object', tags: 'object',
    },
    required: [...requiredStrings, 'baseline_value'],
  })
  if (!read.ok) return read.response
  const errors = ruleErrors(read.body)
  if (errors.length > 0) return validationError(errors, requestIdFor(request))
  const { model_name: name, version, token_id: token } = read.body as Record<string, string>
  return jsonResponse({
    status: 'ok', model_id: `${name.trim()}/${version.trim()}/${token.trim()}`, model_name: name.trim(),
    version: version.trim(), event_emitted: true, detail: null,
  })
}
