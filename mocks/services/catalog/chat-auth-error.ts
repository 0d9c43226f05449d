import { jsonResponse } from './json-response.js'

/** §8: no key, or an invalid one (the optional key dependency treats it as anonymous). */
export function chatAuthError(): Response {
  return jsonResponse(
    {
      error: {
        message: 'Authentication required. Provide a valid API key in the Authorization header.',
        type: 'authentication_error',
        code: 'missing_api_key',
      },
    },
    401,
  )
}
