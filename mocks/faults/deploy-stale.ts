import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'deploy-stale',
  incident: 'deploy-mismatch',
  summary: 'The running API build predates the serving routes: /api/v1/models/{model_id}/{info,predict,health} answer the service\'s own 404 JSON while health stays green.',
  settings: { api: { servingRoutes: false } },
  expect: { scope: /@serving/, failing: /\/api\/v1\/models/, message: /route in contract absent from the running service/ },
})
