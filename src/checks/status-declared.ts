import { defineCheck } from './check.js'

export const statusDeclared = defineCheck({
  name: 'status_declared',
  summary: 'the response status is declared for the operation',
  appliesTo: (c) => c.operationId !== undefined,
  run({ response }, { operation, response: declared }) {
    if (declared || !operation) return []
    return [{
      check: 'status_declared',
      title: 'Undeclared status',
      expected: `one of ${operation.responses.map((r) => r.status).join(', ')}`,
      actual: `${response.status} ${response.contentType ?? '(no content type)'}`,
      pointer: `${operation.pointer}/responses`,
    }]
  },
})
