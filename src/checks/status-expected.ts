import { GENERATED_KINDS } from '../cases/case.js'
import { defineCheck } from './check.js'

/** The case's own expectation: the example's paired status, 401 for a refused key, 404 for an unknown route. */
export const statusExpected = defineCheck({
  name: 'status_expected',
  summary: 'the response status is the one the case expects',
  appliesTo: (c) => !GENERATED_KINDS.has(c.kind), // generated inputs have no single expected status
  run(x) {
    const { statuses } = x.case.expect
    if (statuses.some((s) => matchesStatus(s, x.response.status))) return []
    const tolerated = x.case.expect.tolerated?.some((s) => matchesStatus(s, x.response.status)) ?? false
    return [{
      ...(tolerated ? { severity: 'warning' as const, hint: 'a refusal all the same, but not the one the contract documents' } : {}),
      check: 'status_expected',
      title: 'Unexpected status',
      expected: statuses.join(' or '),
      actual: `${x.response.status} ${x.response.contentType ?? '(no content type)'}`,
    }]
  },
})

/** '200' matches 200, '4XX' matches 400-499, 'default' matches anything. */
export function matchesStatus(declared: string, status: number): boolean {
  if (declared === 'default') return true
  if (/^[1-5]XX$/i.test(declared)) return Math.floor(status / 100) === Number(declared[0])
  return Number(declared) === status
}
