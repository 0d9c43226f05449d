import { MlflowError } from './mlflow-error.js'
import { checkRegistryTag } from './validation.js'
import { modelVersionView } from './model-version-view.js'
import { paginate } from './paginate.js'
import type { Params } from './params.js'
import { parseVersion, requireModel, requireVersion } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { checkKeys, matchesFilter, parseFilter, parseOrderClause } from './search-filter.js'
import type { ResolvedMlflowSettings } from './settings.js'
import { canonicalStage } from './stages.js'
import type { MlflowStore, ModelRecord, VersionRecord } from './store.js'

// a source without a URI scheme (or file:) is a local path: refused unless inside the run's artifacts (#41)
function checkSource(source: string): void {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(source) && !/^file:/i.test(source)) return
  throw MlflowError.invalid(
    `Invalid model version source: '${source}'. To use a local path as a model version source, the run_id request parameter ` +
      'has to be specified and the local path has to be contained within the artifact directory of the run specified by the run_id.',
  )
}

// records without data: let checkKeys ask attribute whether a key exists
const NO_MODEL = { tags: new Map() } as unknown as ModelRecord
const NO_VERSION = { tags: new Map() } as unknown as VersionRecord

function attribute(m: ModelRecord, v: VersionRecord, key: string): string | number | undefined {
  if (key.startsWith('tags.') || key.startsWith('tag.')) return v.tags.get(key.slice(key.indexOf('.') + 1))
  if (key === 'name') return m.name
  if (key === 'run_id') return v.runId
  if (key === 'source_path') return v.source
  if (key === 'version_number') return v.version
  if (key === 'last_updated_timestamp') return v.lastUpdatedTimestamp
  if (key === 'creation_timestamp') return v.creationTimestamp
  throw MlflowError.invalid(`Invalid attribute key '${key}' specified. Valid keys are ['name', 'run_id', 'source_path', 'version_number']`)
}

// default order: last_updated_timestamp DESC, name ASC, version_number DESC (recorded #66)
function search(store: MlflowStore, p: Params): Record<string, unknown> {
  const maxResults = p.integer('max_results') ?? 200000
  if (maxResults > 200000) throw MlflowError.invalid(`Invalid value for max_results. It must be at most 200000, but got value ${maxResults}`)
  const clauses = parseFilter(p.string('filter'))
  const order = [...p.strings('order_by'), 'last_updated_timestamp DESC', 'name ASC', 'version_number DESC'].map(parseOrderClause)
  checkKeys([...clauses, ...order].map((c) => c.key), (k) => attribute(NO_MODEL, NO_VERSION, k))
  const found = [...store.models.values()]
    .flatMap((m) => [...m.versions.values()].map((v) => ({ m, v })))
    .filter(({ m, v }) => matchesFilter(clauses, (k) => attribute(m, v, k)))
    .sort((a, b) => {
      for (const { key, desc } of order) {
        const [x, y] = [attribute(a.m, a.v, key), attribute(b.m, b.v, key)]
        if (x !== y && x !== undefined && y !== undefined) return (x < y ? -1 : 1) * (desc ? -1 : 1)
      }
      return 0
    })
  const page = paginate(found, maxResults, p.string('page_token'))
  return {
    ...(page.items.length ? { model_versions: page.items.map(({ m, v }) => modelVersionView(m, v, false)) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  }
}

/** Model-version endpoints (mlflow-rest.md §6, §8). */
export function modelVersionRoutes(store: MlflowStore, settings: ResolvedMlflowSettings): MlflowRoute[] {
  const wording = settings.version.startsWith('3.') ? 'v3' : 'v2'
  const find = (p: Params) => {
    const name = p.string('name', true)
    return requireVersion(store, name, parseVersion(p.string('version', true), wording))
  }
  return [
    defineRoute({
      methods: ['POST'],
      path: '/model-versions/create',
      answer({ params: p }) {
        const name = p.string('name', true)
        const source = p.string('source', true)
        const fields = { runId: p.string('run_id') ?? '', runLink: p.string('run_link') ?? '', description: p.string('description') ?? '' }
        const tags = p.keyValues('tags')
        for (const t of tags) checkRegistryTag('Model version', t.key, t.value)
        const modelId = settings.features.loggedModels ? p.string('model_id') : undefined // unknown field in 2.x
        checkSource(source)
        const model = requireModel(store, name)
        const t = store.now()
        const version: VersionRecord = {
          version: ++model.lastVersion, creationTimestamp: t, lastUpdatedTimestamp: t, stage: 'None', source, ...fields,
          ...(modelId ? { modelId } : {}), tags: new Map(tags.map((x) => [x.key, x.value])), pendingGets: settings.pendingRegistrationGets,
        }
        model.versions.set(version.version, version)
        model.lastUpdatedTimestamp = t
        return { model_version: modelVersionView(model, version, true) }
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/model-versions/get',
      answer({ params: p }) {
        const { model, version } = find(p)
        const view = modelVersionView(model, version, true)
        if (version.pendingGets > 0) version.pendingGets -= 1 // registration completes after N polls
        return { model_version: view }
      },
    }),
    defineRoute({
      methods: ['PATCH'],
      path: '/model-versions/update',
      answer({ params: p }) {
        const { model, version } = find(p)
        const description = p.string('description')
        if (description !== undefined) version.description = description
        version.lastUpdatedTimestamp = store.now()
        return { model_version: modelVersionView(model, version, true) }
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/model-versions/delete',
      answer({ params: p }) {
        const { model, version } = find(p)
        model.versions.delete(version.version)
        for (const [alias, v] of model.aliases) if (v === version.version) model.aliases.delete(alias)
        model.lastUpdatedTimestamp = store.now()
        return {}
      },
    }),
    defineRoute({ methods: ['GET'], path: '/model-versions/search', answer: ({ params }) => search(store, params) }),
    defineRoute({
      methods: ['GET'],
      path: '/model-versions/get-download-uri',
      answer: ({ params: p }) => ({ artifact_uri: find(p).version.source }),
    }),
    defineRoute({
      methods: ['POST'],
      path: '/model-versions/transition-stage',
      answer({ params: p }) {
        const stage = canonicalStage(p.string('stage', true))
        const archive = p.boolean('archive_existing_versions') ?? false
        const { model, version } = find(p)
        if (archive && stage !== 'Staging' && stage !== 'Production') {
          throw MlflowError.invalid(`Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. Valid stages are Staging, Production`)
        }
        const t = store.now()
        if (archive) {
          for (const other of model.versions.values()) {
            if (other !== version && other.stage === stage) Object.assign(other, { stage: 'Archived', lastUpdatedTimestamp: t })
          }
        }
        Object.assign(version, { stage, lastUpdatedTimestamp: t })
        model.lastUpdatedTimestamp = t
        return { model_version: modelVersionView(model, version, true) }
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/model-versions/set-tag',
      answer({ params: p }) {
        const key = p.string('key', true)
        const value = p.string('value') ?? ''
        checkRegistryTag('Model version', key, value)
        find(p).version.tags.set(key, value)
        return {}
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/model-versions/delete-tag',
      answer({ params: p }) {
        const key = p.string('key', true)
        find(p).version.tags.delete(key)
        return {}
      },
    }),
  ]
}
