import { defineCheck } from './check.js'

/** A request that breaks the document (one constraint, named by the case) must not be accepted. */
export const negativeDataRejection = defineCheck({
  name: 'negative_data_rejection',
  summary: 'a request that violates the document is refused, not answered with 2xx',
  appliesTo: (c) => c.kind === 'negative',
  run({ case: c, response }) {
    if (response.status < 200 || response.status >= 300) return []
    return [{ check: 'negative_data_rejection', title: 'Invalid input accepted', expected: 'a 4xx refusal', actual: `${response.status} ${response.contentType ?? '(no content type)'}`, hint: c.name }]
  },
})
