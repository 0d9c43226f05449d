import { randomUUID } from 'node:crypto'
import type { KeyValue } from './params.js'

export interface ExperimentRecord {
  id: string
  name: string
  artifactLocation: string
  lifecycleStage: 'active' | 'deleted'
  creationTime: number
  lastUpdateTime: number
  tags: Map<string, string>
}

export interface MetricRecord {
  key: string
  value: number
  timestamp: number
  step: number
}

export interface RunRecord {
  id: string
  experimentId: string
  name: string
  userId: string
  status: string
  startTime: number
  endTime?: number
  artifactUri: string
  lifecycleStage: 'active' | 'deleted'
  params: Map<string, string>
  metrics: MetricRecord[] // full history; views show the latest per key
  tags: Map<string, string>
  modelOutputs: { model_id: string; step: number }[]
}

export interface VersionRecord {
  version: number
  creationTimestamp: number
  lastUpdatedTimestamp: number
  stage: string
  description: string
  source: string
  runId: string
  runLink: string
  modelId?: string
  tags: Map<string, string>
  pendingGets: number // model-versions/get calls left before PENDING_REGISTRATION turns READY
}

export interface ModelRecord {
  name: string
  creationTimestamp: number
  lastUpdatedTimestamp: number
  description?: string
  tags: Map<string, string>
  aliases: Map<string, number> // alias → version
  versions: Map<number, VersionRecord>
  lastVersion: number // numbering continues after deletes
}

export interface LoggedModelRecord {
  id: string
  experimentId: string
  name: string
  modelType?: string
  sourceRunId?: string
  status: string
  creationTimestamp: number
  lastUpdatedTimestamp: number
  artifactUri: string
  params: KeyValue[]
  tags: Map<string, string>
}

/** One server's state: every service instance gets its own, never shared between instances. */
export interface MlflowStore {
  experiments: Map<string, ExperimentRecord>
  lastExperimentId: number
  runs: Map<string, RunRecord>
  artifacts: Map<string, Uint8Array> // key: path under the artifact root, e.g. `1/<run>/artifacts/model/MLmodel`
  models: Map<string, ModelRecord>
  loggedModels: Map<string, LoggedModelRecord>
  now: () => number
  newId: () => string
}

/**
 * An empty store: only the Default experiment "0", as a fresh MLflow server has. Its clock never repeats
 * a millisecond, so "newest first" orders are as deterministic as on the real server.
 */
export function createMlflowStore(clock: () => number): MlflowStore {
  let last = 0
  const now = (): number => (last = Math.max(clock(), last + 1))
  const t = now()
  const store: MlflowStore = {
    experiments: new Map(),
    lastExperimentId: 0,
    runs: new Map(),
    artifacts: new Map(),
    models: new Map(),
    loggedModels: new Map(),
    now,
    newId: () => randomUUID().replaceAll('-', ''),
  }
  store.experiments.set('0', {
    id: '0',
    name: 'Default',
    artifactLocation: 'mlflow-artifacts:/0',
    lifecycleStage: 'active',
    creationTime: t,
    lastUpdateTime: t,
    tags: new Map(),
  })
  return store
}
