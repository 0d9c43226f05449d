import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'alb-v1-unrouted',
  incident: 'not-routed',
  summary: 'No listener rule sends /api/v1/* to the API on api.hokus.ai\'s HTTPS listener: model info, predict and health get the load balancer\'s text/plain 404.',
  routing: 'v1-unrouted',
  expect: { scope: /@serving|@routing/, failing: /\/api\/v1\/|\/api\/health/, message: /not routed/ },
})
