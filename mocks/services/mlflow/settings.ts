/** The MLflow server versions whose recorded behaviour the mock reproduces (mlflow-rest.md §1, §10). */
export type MlflowVersion = '2.17.0' | '3.1.2.dev0'

export interface MlflowSettings {
  /**
   * Selects the documented version differences. Default 2.17.0, the version the seeded recordings
   * replay against; the platform's image is MLflow 3.x (mlflow-proxy.md §10), so createPlatform picks 3.x.
   */
  version: MlflowVersion
  /**
   * `model-versions/get` calls a new version answers with PENDING_REGISTRATION before READY.
   * 0 (the recorded SQL-store behaviour): READY at once.
   */
  pendingRegistrationGets: number
  /** Clock for timestamps (epoch ms); injectable so tests need no timing. */
  now: () => number
}

/** What the selected version changes, in one place so handlers never compare version strings. */
export interface MlflowFeatures {
  /** `runs/create` answers with `inputs: {}` (3.x). */
  createRunHasInputs: boolean
  /** `runs/get` answers with `outputs` (3.x). */
  getRunHasOutputs: boolean
  /** `get-latest-versions` items carry `aliases` (3.x). */
  latestVersionsHaveAliases: boolean
  /** logged-models endpoints and `runs/outputs` exist (3.x). */
  loggedModels: boolean
  /** `runs/search` takes a plain string for `experiment_ids` (2.17 answers 200; 3.x is assumed to refuse it). */
  searchRunsTakesStringIds: boolean
}

export interface ResolvedMlflowSettings extends MlflowSettings {
  features: MlflowFeatures
}

const VERSIONS: readonly MlflowVersion[] = ['2.17.0', '3.1.2.dev0']

export function resolveMlflowSettings(settings: Partial<MlflowSettings> = {}): ResolvedMlflowSettings {
  const version = settings.version ?? '2.17.0'
  if (!VERSIONS.includes(version)) {
    throw new Error(`contractwright: unknown MLflow mock version "${String(version)}". Use one of ${VERSIONS.join(', ')}.`)
  }
  const pending = settings.pendingRegistrationGets ?? 0
  if (!Number.isInteger(pending) || pending < 0) {
    throw new Error(`contractwright: MLflow mock setting pendingRegistrationGets must be a non-negative integer, got ${String(pending)}.`)
  }
  const v3 = version.startsWith('3.')
  return {
    version,
    pendingRegistrationGets: pending,
    now: settings.now ?? Date.now,
    features: { createRunHasInputs: v3, getRunHasOutputs: v3, latestVersionsHaveAliases: v3, loggedModels: v3, searchRunsTakesStringIds: !v3 },
  }
}
