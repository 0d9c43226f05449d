import { defineCheck } from './check.js'
import { matchesStatus } from './status-expected.js'

const MISSING = new Set([404, 410])

/**
 * Valid input must not be refused with a 4xx the operation does not document. An undocumented 404
 * for a generated id is a warning: the id may simply name nothing.
 */
export const positiveDataAcceptance = defineCheck({
  name: 'positive_data_acceptance',
  summary: 'a request that conforms to the document is not refused with an undocumented 4xx',
  appliesTo: (c) => c.kind === 'generated' || c.kind === 'stateful',
  run({ case: c, response }, { operation }) {
    if (response.status < 400 || response.status >= 500 || !operation) return []
    if (operation.responses.some((r) => r.status !== 'default' && matchesStatus(r.status, response.status))) return []
    const byId = MISSING.has(response.status) && c.kind === 'generated' && operation.parameters.some((p) => p.in === 'path')
    return [{
      check: 'positive_data_acceptance',
      title: 'Valid input refused',
      expected: `a documented status (${operation.responses.map((r) => r.status).join(', ')})`,
      actual: `${response.status} ${response.contentType ?? '(no content type)'}`,
      pointer: `${operation.pointer}/responses`,
      ...(byId ? { severity: 'warning' as const, hint: 'a generated id may name nothing; document the 404' } : {}),
    }]
  },
})
