import type { ExperimentRecord } from './store.js'
import { tagList } from './tag-list.js'

/** The Experiment JSON shape (mlflow-rest.md §4); `tags` omitted when empty. */
export function experimentView(e: ExperimentRecord): Record<string, unknown> {
  return {
    experiment_id: e.id,
    name: e.name,
    artifact_location: e.artifactLocation,
    lifecycle_stage: e.lifecycleStage,
    last_update_time: e.lastUpdateTime,
    creation_time: e.creationTime,
    ...(e.tags.size ? { tags: tagList(e.tags) } : {}),
  }
}
