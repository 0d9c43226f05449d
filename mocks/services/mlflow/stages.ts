import { MlflowError } from './mlflow-error.js'

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const
export type Stage = (typeof STAGES)[number]

/** A stage name as MLflow canonicalises it: case-insensitive on input (`production` → `Production`). */
export function canonicalStage(stage: string): Stage {
  const found = STAGES.find((s) => s.toLowerCase() === stage.toLowerCase())
  if (!found) throw MlflowError.invalid(`Invalid Model Version stage: ${stage}. Value must be one of ${STAGES.join(', ')}.`)
  return found
}
