export { createMlflowService } from './create-mlflow-service.js'
export { withTrackingToken } from './tracking-token.js'
export type { MlflowSettings, MlflowVersion } from './settings.js'
