import type { ValidationItem } from './fastapi-responses.js'

export type BodyResult = { ok: true; value: unknown } | { ok: false; errors: ValidationItem[] }

/**
 * Reads a request body the way FastAPI does for a pydantic body model: JSON when the content type is
 * absent or JSON, raw text otherwise (which then fails model validation). Never throws.
 */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  let text: string
  try {
    text = await request.text()
  } catch {
    text = ''
  }
  if (text.length === 0) {
    return { ok: false, errors: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] }
  }
  const contentType = request.headers.get('content-type')
  if (contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) {
    return { ok: false, errors: [modelTypeError(text)] }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1]
    return {
      ok: false,
      errors: [{
        type: 'json_invalid',
        loc: ['body', position === undefined ? 0 : Number(position)],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expecting value' },
      }],
    }
  }
}

/** The error pydantic gives when a model receives something that is not an object. */
export function modelTypeError(input: unknown, loc: (string | number)[] = ['body']): ValidationItem {
  return { type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input }
}
