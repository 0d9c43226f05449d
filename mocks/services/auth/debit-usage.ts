import { authError, invalidBody, json, readObjectBody } from './json-answers.js'
import { keyIdOf, principalBehaviour, principalNames } from './principals.js'

/** One accepted or rejected debit, kept so tests can assert "debited once" or "never debited". */
export interface DebitRecord {
  keyId: string
  endpoint: string
  modelId: string | null
  idempotencyKey: string
  accepted: boolean
}

// field → the pydantic type it must have (auth-service.md §4 request body)
const fields: Record<string, 'string' | 'string-or-null' | 'number'> = {
  model_id: 'string-or-null', endpoint: 'string', response_time_ms: 'number', status_code: 'number',
  service_id: 'string', idempotency_key: 'string', compute_ms: 'number', predictions_count: 'number',
}

/** POST /api/v1/usage/{key_id}/debit (auth-service.md §4): no Authorization, the key id is in the path. */
export async function debitUsage(request: Request, keyId: string, record: (debit: DebitRecord) => void): Promise<Response> {
  const body = await readObjectBody(request)
  if (body instanceof Response) return body
  for (const [field, type] of Object.entries(fields)) {
    const value = body[field]
    if (value === undefined && type !== 'string-or-null') return invalidBody(field, 'Field required')
    const ok = type === 'number' ? typeof value === 'number'
      : type === 'string' ? typeof value === 'string'
        : value === undefined || value === null || typeof value === 'string'
    if (!ok) return invalidBody(field, type === 'number' ? 'Input should be a valid number' : 'Input should be a valid string')
  }
  const name = principalNames.find((candidate) => keyIdOf(candidate) === keyId)
  if (name === undefined) return authError(404, 'KEY_NOT_FOUND', 'API key not found')
  const behaviour = principalBehaviour[name]
  const accepted = behaviour.kind === 'valid' && behaviour.debit === 'accept' && behaviour.sufficientBalance
  record({
    keyId,
    endpoint: body.endpoint as string,
    modelId: (body.model_id as string | null | undefined) ?? null,
    idempotencyKey: body.idempotency_key as string,
    accepted,
  })
  if (!accepted) return authError(402, 'INSUFFICIENT_BALANCE', 'Balance too low')
  return json({ success: true, key_id: keyId, idempotency_key: body.idempotency_key, balance: 10.0 })
}
