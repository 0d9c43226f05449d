import { defineCheck } from './check.js'

/** Refused keys must get a JSON 401; accepted key locations must not be refused. */
export const authEnforced = defineCheck({
  name: 'auth_enforced',
  summary: 'secured operations refuse missing and invalid keys with a JSON 401 and accept every declared key location',
  appliesTo: (c) => c.kind === 'auth',
  run({ case: c, response }) {
    const refusal = c.expect.statuses.includes('401')
    const what = c.request.auth.length === 0 ? 'no credentials' : c.request.auth.map((a) => `${a.key} key in ${a.scheme}`).join(' + ')
    if (refusal) {
      if (response.status >= 200 && response.status < 400) {
        return [{ check: 'auth_enforced', title: 'Accepted without valid credentials', expected: '401 JSON', actual: `${response.status} with ${what}`, hint: 'the operation answers unauthenticated requests' }]
      }
      if (response.status !== 401 || (response.json === undefined && c.request.method !== 'HEAD')) {
        return [{ check: 'auth_enforced', title: 'Wrong refusal', expected: '401 JSON', actual: `${response.status} ${response.contentType ?? '(no content type)'} with ${what}` }]
      }
      return []
    }
    if (response.status === 401 || response.status === 403) {
      return [{ check: 'auth_enforced', title: 'Key location not accepted', expected: `accepted with ${what}`, actual: `${response.status}` }]
    }
    return []
  },
})
