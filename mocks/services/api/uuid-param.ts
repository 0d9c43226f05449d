import { requestIdFor, validationError } from './fastapi-responses.js'

const uuidPattern = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i

/** 422 `uuid_parsing` for a path or body field typed `UUID` that is not one, else undefined. */
export function uuidOr422(request: Request, value: unknown, loc: (string | number)[]): Response | undefined {
  if (typeof value === 'string' && uuidPattern.test(value)) return undefined
  return validationError([{
    type: 'uuid_parsing', loc, msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
    input: value, ctx: { error: 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1' },
  }], requestIdFor(request))
}
