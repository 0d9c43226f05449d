export { createMlflowService } from './create-mlflow-service.js'
export type { MlflowSettings, MlflowVersion } from './settings.js'
