import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'alb-auth-shadowed',
  incident: 'misrouted',
  summary: 'Rule 80 (host auth.hokus.ai + /api/*, sic) forwards the auth host\'s /api/* to the API: key validation and debits reach the wrong service.',
  routing: 'auth-shadowed',
  expect: { scope: /@auth|@routing|@auth-service/, failing: /auth/, message: /misrouted/ },
})
