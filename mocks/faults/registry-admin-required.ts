import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'registry-admin-required',
  incident: 'registration-broken',
  summary: 'The configured admin key is no longer a registry admin (auth answers is_admin false, no admin scope): every MLflow proxy call gets 403 REGISTRY_ADMIN_REQUIRED.',
  settings: { auth: { registryAdminRevoked: ['admin'] } },
  expect: { scope: /@registration|@mlflow-/, failing: /mlflow|registration/, message: /registry admin|REGISTRY_ADMIN_REQUIRED/ },
})
