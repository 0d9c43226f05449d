import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, requestIdFor, validationError } from './fastapi-responses.js'

// POST {/models,/api/models}/tokenized-registration-events (hokusai-api.md §5.4, auth-service.md §6).

const writeScopes = new Set(['model:write', 'mlflow:write', 'mlflow:access', 'admin', 'mlflow:admin', 'write', 'full_access'])
// TokenizedRegistrationEventRequest's validator, after the contract's types and lengths
const stripped = ['model_name', 'version', 'token_id', 'proposal_identifier', 'metric_name', 'mlflow_run_id']

export async function tokenizedRegistrationEvent(request: Request, ctx: ApiContext): Promise<Response> {
  // the scope dependency runs before the body is validated
  const principal = ctx.principalOf(request)
  const scopes = [...(principal?.scopes ?? []), ...(principal?.roles ?? [])]
  if (!scopes.some((scope) => writeScopes.has(scope))) {
    return detailResponse('Insufficient permissions for model registration events', 403)
  }
  const read = await contractRequest(request)
  if (!read.ok) return read.response
  const errors = stripped.filter((name) => String(read.body[name]).trim() === '')
    .map((name) => ({ type: 'value_error', loc: ['body', name], msg: 'Value error, must be a non-empty string', input: read.body[name] }))
  if (errors.length > 0) return validationError(errors, requestIdFor(request))
  const { model_name: name, version, token_id: token } = read.body as Record<string, string>
  return jsonResponse({
    status: 'ok', model_id: `${name.trim()}/${version.trim()}/${token.trim()}`, model_name: name.trim(),
    version: version.trim(), event_emitted: true, detail: null,
  })
}
