import { defineCheck } from './check.js'

/** A secured operation must not answer 2xx to a request without credentials. */
export const ignoredAuth = defineCheck({
  name: 'ignored_auth',
  summary: 'a secured operation does not answer 2xx without credentials',
  appliesTo: (c) => c.kind === 'unauthenticated',
  run({ case: c, response }) {
    if (response.status < 200 || response.status >= 300) return []
    return [{ check: 'ignored_auth', title: 'Accepted without credentials', expected: '401 or 403', actual: `${response.status} ${response.contentType ?? '(no content type)'}`, hint: `${c.request.method} answered with no credential at all` }]
  },
})
