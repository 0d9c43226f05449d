import { defineCheck } from './check.js'
import { LOAD_BALANCER } from './identify-service.js'

export const answeredByService = defineCheck({
  name: 'answered_by_service',
  summary: 'the service the contract names answered (not the load balancer, not another service)',
  appliesTo: () => true,
  run({ case: c, response }, { answered, response: declared }) {
    const expected = declared?.service ?? c.expect.service
    if (answered.service === undefined || answered.service === expected) return []
    const lb = answered.service === LOAD_BALANCER
    return [{
      check: 'answered_by_service',
      title: lb ? 'Answered by the load balancer' : `Answered by ${answered.service}`,
      expected,
      actual: lb ? `${LOAD_BALANCER} default page (${response.status} ${response.contentType ?? ''})`.trim() : `${answered.service} (${answered.evidence})`,
    }]
  },
})
