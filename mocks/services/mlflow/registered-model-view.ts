import type { ModelRecord, VersionRecord } from './store.js'
import { modelVersionView } from './model-version-view.js'
import { tagList } from './tag-list.js'

/** The newest version per stage ("None" included), ordered by version number. */
export function latestVersions(m: ModelRecord, stages?: readonly string[]): VersionRecord[] {
  const newest = new Map<string, VersionRecord>()
  for (const v of m.versions.values()) {
    if (stages?.length && !stages.includes(v.stage)) continue
    const seen = newest.get(v.stage)
    if (!seen || v.version > seen.version) newest.set(v.stage, v)
  }
  return [...newest.values()].sort((a, b) => a.version - b.version)
}

/** The RegisteredModel JSON shape; empty `latest_versions`, `tags`, `aliases` and unset description omitted. */
export function registeredModelView(m: ModelRecord): Record<string, unknown> {
  const latest = latestVersions(m).map((v) => modelVersionView(m, v, false))
  const tags = tagList(m.tags)
  const aliases = [...m.aliases]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([alias, version]) => ({ alias, version: String(version) }))
  return {
    name: m.name,
    creation_timestamp: m.creationTimestamp,
    last_updated_timestamp: m.lastUpdatedTimestamp,
    ...(m.description ? { description: m.description } : {}),
    ...(latest.length ? { latest_versions: latest } : {}),
    ...(tags ? { tags } : {}),
    ...(aliases.length ? { aliases } : {}),
  }
}
