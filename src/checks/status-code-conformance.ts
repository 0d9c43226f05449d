import { defineCheck } from './check.js'

export const statusCodeConformance = defineCheck({
  name: 'status_code_conformance',
  summary: 'the response status is declared for the operation',
  appliesTo: (c) => c.operationId !== undefined,
  run({ response }, { operation, response: declared }) {
    if (declared || !operation) return []
    return [{
      check: 'status_code_conformance',
      title: 'Undeclared status',
      expected: `one of ${operation.responses.map((r) => r.status).join(', ')}`,
      actual: `${response.status} ${response.contentType ?? '(no content type)'}`,
      pointer: `${operation.pointer}/responses`,
    }]
  },
})
