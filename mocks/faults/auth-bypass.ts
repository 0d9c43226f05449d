import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'auth-bypass',
  incident: 'auth-regression',
  summary: 'The API\'s auth middleware lets protected routes through without a key (a public-path prefix too broad): they answer 2xx unauthenticated.',
  settings: { api: { authBypass: true } },
  expect: { scope: /@auth/, failing: /./, message: /accepts unauthenticated requests/ },
})
