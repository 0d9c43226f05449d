import { defineCheck } from './check.js'
import { matchesStatus } from './status-expected.js'

export const statusCodeConformance = defineCheck({
  name: 'status_code_conformance',
  summary: 'the response status is declared for the operation',
  appliesTo: (c) => c.operationId !== undefined,
  run({ case: c, response }, { operation, response: declared }) {
    if (declared || !operation) return []
    // an undeclared 4xx for valid or invalid generated input has its own, more telling check
    if ((c.kind === 'generated' || c.kind === 'stateful' || c.kind === 'negative') && response.status >= 400 && response.status < 500) return []
    const tolerated = c.expect.tolerated?.some((s) => matchesStatus(s, response.status)) ?? false
    return [{
      ...(tolerated ? { severity: 'warning' as const } : {}),
      check: 'status_code_conformance',
      title: 'Undeclared status',
      expected: `one of ${operation.responses.map((r) => r.status).join(', ')}`,
      actual: `${response.status} ${response.contentType ?? '(no content type)'}`,
      pointer: `${operation.pointer}/responses`,
    }]
  },
})
