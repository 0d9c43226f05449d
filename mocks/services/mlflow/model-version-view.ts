import type { ModelRecord, VersionRecord } from './store.js'
import { tagList } from './tag-list.js'

/**
 * The ModelVersion JSON shape. `aliases` (names, sorted) appear only where MLflow fetches them:
 * get, get-by-alias, update, transition-stage (and 3.x get-latest-versions), never in search or
 * `latest_versions` (#62-#66).
 */
export function modelVersionView(m: ModelRecord, v: VersionRecord, withAliases: boolean): Record<string, unknown> {
  const tags = tagList(v.tags)
  const aliases = withAliases
    ? [...m.aliases].filter(([, version]) => version === v.version).map(([alias]) => alias).sort()
    : []
  return {
    name: m.name,
    version: String(v.version),
    creation_timestamp: v.creationTimestamp,
    last_updated_timestamp: v.lastUpdatedTimestamp,
    current_stage: v.stage,
    description: v.description,
    source: v.source,
    run_id: v.runId,
    status: v.pendingGets > 0 ? 'PENDING_REGISTRATION' : 'READY',
    ...(tags ? { tags } : {}),
    run_link: v.runLink,
    ...(v.modelId ? { model_id: v.modelId } : {}),
    ...(aliases.length ? { aliases } : {}),
  }
}
