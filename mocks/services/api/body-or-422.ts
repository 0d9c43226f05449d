import { requestIdFor, validationError } from './fastapi-responses.js'
import { readJsonBody } from './read-json-body.js'
import { validateFields, type FieldModel } from './validate-fields.js'

/** The request's JSON object validated against `model`, or the 422 FastAPI answers instead. */
export async function bodyOr422(
  request: Request, model: FieldModel,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const read = await readJsonBody(request)
  const errors = read.ok ? validateFields(read.value, model) : read.errors
  if (errors.length > 0) return { ok: false, response: validationError(errors, requestIdFor(request)) }
  return { ok: true, body: (read as { value: Record<string, unknown> }).value }
}

/** 422 for required query parameters that are absent, else undefined. */
export function missingQuery(request: Request, names: readonly string[]): Response | undefined {
  const params = new URL(request.url).searchParams
  const missing = names.filter((name) => !params.has(name))
  if (missing.length === 0) return undefined
  const items = missing.map((name) => ({ type: 'missing', loc: ['query', name], msg: 'Field required', input: null }))
  return validationError(items, requestIdFor(request))
}
