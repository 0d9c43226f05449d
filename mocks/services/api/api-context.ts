import type { MockService } from '../../../src/mocks/service.js'
import type { Principal } from './principal.js'
import type { ApiSettings } from './settings.js'

/** What a route module needs: the switches, the caller the middleware validated, the MLflow upstream. */
export interface ApiContext {
  settings: ApiSettings
  principalOf(request: Request): Principal | undefined
  mlflow: MockService
  /** inference_log_id → the key id that made the prediction, for POST /api/v1/outcomes */
  inferenceLogs: Map<string, string | null>
}
