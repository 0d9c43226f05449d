import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'auth-service-down',
  incident: 'dependency-down',
  summary: 'The auth service is unreachable: every authenticated API request answers 503 "Authentication service unavailable" with Retry-After.',
  down: ['auth'],
  expect: { scope: /@auth|@serving/, failing: /./, message: /dependency down: auth/ },
})
