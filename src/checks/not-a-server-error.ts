import { defineCheck } from './check.js'

export const notAServerError = defineCheck({
  name: 'not_a_server_error',
  summary: 'no 5xx unless the case expects one',
  appliesTo: () => true,
  run({ case: c, response }) {
    if (response.status < 500 || c.expect.statuses.some((s) => s.startsWith('5'))) return []
    return [{ check: 'not_a_server_error', title: 'Server error', expected: `no 5xx (expected ${c.expect.statuses.join(' or ')})`, actual: `${response.status} ${response.contentType ?? '(no content type)'}` }]
  },
})
