import { MlflowError } from './mlflow-error.js'
import { modelVersionView } from './model-version-view.js'
import { paginate } from './paginate.js'
import type { Params } from './params.js'
import { latestVersions, registeredModelView } from './registered-model-view.js'
import { requireModel } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { checkKeys, matchesFilter, parseFilter, parseOrderClause } from './search-filter.js'
import type { ResolvedMlflowSettings } from './settings.js'
import { canonicalStage } from './stages.js'
import type { MlflowStore, ModelRecord } from './store.js'
import { checkRegistryTag } from './validation.js'

// a model without data: lets checkKeys ask attribute whether a key exists
const NO_MODEL = { tags: new Map() } as unknown as ModelRecord

function attribute(m: ModelRecord, key: string): string | number | undefined {
  if (key.startsWith('tags.') || key.startsWith('tag.')) return m.tags.get(key.slice(key.indexOf('.') + 1))
  if (key === 'name') return m.name
  if (key === 'timestamp' || key === 'last_updated_timestamp') return m.lastUpdatedTimestamp
  if (key === 'creation_timestamp') return m.creationTimestamp
  throw MlflowError.invalid(`Invalid attribute key '${key}' specified. Valid keys are '{'name'}'`)
}

function search(store: MlflowStore, p: Params): Record<string, unknown> {
  const maxResults = p.integer('max_results') ?? 100
  if (maxResults > 1000) throw MlflowError.invalid(`Invalid value for request parameter max_results. It must be at most 1000, but got value ${maxResults}`)
  const clauses = parseFilter(p.string('filter'))
  const order = [...p.strings('order_by'), 'name ASC'].map(parseOrderClause)
  checkKeys([...clauses, ...order].map((c) => c.key), (k) => attribute(NO_MODEL, k))
  const found = [...store.models.values()]
    .filter((m) => matchesFilter(clauses, (k) => attribute(m, k)))
    .sort((a, b) => {
      for (const { key, desc } of order) {
        const [x, y] = [attribute(a, key), attribute(b, key)]
        if (x !== y && x !== undefined && y !== undefined) return (x < y ? -1 : 1) * (desc ? -1 : 1)
      }
      return 0
    })
  // max_results 0 is a valid SQL LIMIT: no models, and a token for the first one
  const page = paginate(found, maxResults, p.string('page_token'), { allowZero: true })
  return {
    ...(page.items.length ? { registered_models: page.items.map(registeredModelView) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  }
}

/** Registered-model endpoints (mlflow-rest.md §6); aliases live in aliases.ts. */
export function registeredModelRoutes(store: MlflowStore, settings: ResolvedMlflowSettings): MlflowRoute[] {
  const touch = (m: ModelRecord): void => void (m.lastUpdatedTimestamp = store.now())
  return [
    defineRoute({
      methods: ['POST'],
      path: '/registered-models/create',
      answer({ params: p }) {
        const name = p.string('name', true)
        const tags = p.keyValues('tags')
        for (const t of tags) checkRegistryTag('Registered model', t.key, t.value)
        const description = p.string('description')
        if (store.models.has(name)) throw MlflowError.exists(`Registered Model (name=${name}) already exists.`)
        const t = store.now()
        const model: ModelRecord = {
          name, creationTimestamp: t, lastUpdatedTimestamp: t, description,
          tags: new Map(tags.map((x) => [x.key, x.value])), aliases: new Map(), versions: new Map(), lastVersion: 0,
        }
        store.models.set(name, model)
        return { registered_model: registeredModelView(model) }
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/registered-models/get',
      answer: ({ params: p }) => ({ registered_model: registeredModelView(requireModel(store, p.string('name', true))) }),
    }),
    defineRoute({
      methods: ['POST'],
      path: '/registered-models/rename',
      answer({ params: p }) {
        const name = p.string('name', true)
        const newName = p.string('new_name', true)
        const model = requireModel(store, name)
        if (newName !== name && store.models.has(newName)) throw MlflowError.exists(`Registered Model (name=${newName}) already exists.`)
        store.models.delete(name)
        model.name = newName
        touch(model)
        store.models.set(newName, model)
        return { registered_model: registeredModelView(model) }
      },
    }),
    defineRoute({
      methods: ['PATCH'],
      path: '/registered-models/update',
      answer({ params: p }) {
        const model = requireModel(store, p.string('name', true))
        const description = p.string('description')
        if (description !== undefined) model.description = description
        touch(model)
        return { registered_model: registeredModelView(model) }
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/registered-models/delete',
      answer({ params: p }) {
        store.models.delete(requireModel(store, p.string('name', true)).name)
        return {}
      },
    }),
    defineRoute({ methods: ['GET'], path: '/registered-models/search', answer: ({ params }) => search(store, params) }),
    defineRoute({
      methods: ['POST'],
      path: '/registered-models/set-tag',
      answer({ params: p }) {
        const name = p.string('name', true)
        const key = p.string('key', true)
        const value = p.string('value') ?? ''
        checkRegistryTag('Registered model', key, value)
        requireModel(store, name).tags.set(key, value)
        return {}
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/registered-models/delete-tag',
      answer({ params: p }) {
        const name = p.string('name', true)
        requireModel(store, name).tags.delete(p.string('key', true))
        return {}
      },
    }),
    defineRoute({
      methods: ['GET', 'POST'],
      path: '/registered-models/get-latest-versions',
      answer({ params: p }) {
        const model = requireModel(store, p.string('name', true))
        const stages = p.strings('stages').map(canonicalStage)
        const versions = latestVersions(model, stages).map((v) => modelVersionView(model, v, settings.features.latestVersionsHaveAliases))
        return versions.length ? { model_versions: versions } : {}
      },
    }),
  ]
}
