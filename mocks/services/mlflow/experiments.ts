import { experimentView } from './experiment-view.js'
import { MlflowError } from './mlflow-error.js'
import { paginate } from './paginate.js'
import type { Params } from './params.js'
import { requireExperiment } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { inView } from './view-type.js'
import { checkKeys, matchesFilter, parseFilter, parseOrderClause } from './search-filter.js'
import type { ExperimentRecord, MlflowStore } from './store.js'
import { MAX_ENTITY_KEY_LENGTH, MAX_REGISTRY_TAG_VALUE_LENGTH, checkArtifactLocation, checkExperimentName, checkLength } from './validation.js'

// an experiment without data: lets checkKeys ask attribute whether a key exists
const NO_EXPERIMENT = { tags: new Map() } as unknown as ExperimentRecord

function attribute(e: ExperimentRecord, key: string): string | number | undefined {
  if (key.startsWith('tags.')) return e.tags.get(key.slice(5))
  const name = key.replace(/^(attribute|attributes)\./, '')
  if (name === 'name') return e.name
  if (name === 'creation_time') return e.creationTime
  if (name === 'last_update_time') return e.lastUpdateTime
  throw MlflowError.invalid(`Invalid attribute key '${key}' specified. Valid keys are ['name', 'creation_time', 'last_update_time']`)
}

// default order: creation_time DESC, then experiment_id ASC (SqlAlchemyStore._search_experiments)
function compare(orderBy: readonly string[]): (a: ExperimentRecord, b: ExperimentRecord) => number {
  const keys = [...orderBy, 'creation_time DESC', 'experiment_id ASC'].map(parseOrderClause)
  return (a, b) => {
    for (const { key, desc } of keys) {
      const [x, y] = key === 'experiment_id' ? [Number(a.id), Number(b.id)] : [attribute(a, key), attribute(b, key)]
      if (x === y || x === undefined || y === undefined) continue
      return (x < y ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  }
}

function search(store: MlflowStore, p: Params): Record<string, unknown> {
  const maxResults = p.integer('max_results') ?? 1000
  if (maxResults > 50000) throw MlflowError.invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000.`)
  const view = inView(p.string('view_type'))
  const clauses = parseFilter(p.string('filter'))
  const orderBy = p.strings('order_by')
  checkKeys([...clauses.map((c) => c.key), ...orderBy.map((c) => parseOrderClause(c).key)].filter((k) => k !== 'experiment_id'), (k) => attribute(NO_EXPERIMENT, k))
  const found = [...store.experiments.values()]
    .filter((e) => view(e) && matchesFilter(clauses, (k) => attribute(e, k)))
    .sort(compare(orderBy))
  const page = paginate(found, maxResults, p.string('page_token'))
  return {
    ...(page.items.length ? { experiments: page.items.map(experimentView) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  }
}

/** Experiment endpoints (mlflow-rest.md §5). */
export function experimentRoutes(store: MlflowStore): MlflowRoute[] {
  return [
    defineRoute({
      methods: ['POST'],
      path: '/experiments/create',
      answer({ params: p }) {
        const name = p.string('name', true)
        const tags = p.keyValues('tags')
        const location = p.string('artifact_location')
        checkExperimentName(name)
        if (location) checkArtifactLocation(location)
        // create_experiment stores its tags unchecked in 2.17 (a 5001-character value is accepted)
        // a deleted experiment keeps its name reserved (#97)
        if ([...store.experiments.values()].some((e) => e.name === name)) {
          throw MlflowError.exists(`Experiment(name=${name}) already exists.`)
        }
        const id = String(++store.lastExperimentId)
        const t = store.now()
        store.experiments.set(id, {
          id,
          name,
          artifactLocation: location || `mlflow-artifacts:/${id}`,
          lifecycleStage: 'active',
          creationTime: t,
          lastUpdateTime: t,
          tags: new Map(tags.map((t) => [t.key, t.value])),
        })
        return { experiment_id: id }
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/experiments/get',
      answer: ({ params: p }) => ({ experiment: experimentView(requireExperiment(store, p.string('experiment_id', true))) }),
    }),
    defineRoute({
      methods: ['GET'],
      path: '/experiments/get-by-name',
      answer({ params: p }) {
        const name = p.string('experiment_name', true)
        const found = [...store.experiments.values()].find((e) => e.name === name)
        if (!found) throw MlflowError.notFound(`Could not find experiment with name '${name}'`)
        return { experiment: experimentView(found) }
      },
    }),
    defineRoute({ methods: ['GET', 'POST'], path: '/experiments/search', answer: ({ params }) => search(store, params) }),
    defineRoute({
      methods: ['POST'],
      path: '/experiments/delete',
      answer({ params: p }) {
        const id = p.string('experiment_id', true)
        if (id === '0') throw MlflowError.invalid("Cannot delete the default experiment '0'. This is an internally reserved experiment.")
        // the SQL store looks up active experiments only: deleting twice is "not found"
        const e = requireInStage(store, id, 'active')
        e.lifecycleStage = 'deleted'
        e.lastUpdateTime = store.now()
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/experiments/restore',
      answer({ params: p }) {
        // and restores deleted ones only: restoring an active experiment is "not found" too
        const e = requireInStage(store, p.string('experiment_id', true), 'deleted')
        e.lifecycleStage = 'active'
        e.lastUpdateTime = store.now()
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/experiments/update',
      answer({ params: p }) {
        const id = p.string('experiment_id', true)
        const newName = p.string('new_name', true)
        const e = requireActiveExperiment(store, id)
        checkExperimentName(newName)
        if (newName !== e.name && [...store.experiments.values()].some((x) => x.name === newName)) {
          throw MlflowError.exists(`Experiment(name=${newName}) already exists.`)
        }
        e.name = newName // renaming to its own name is a no-op that answers 200
        e.lastUpdateTime = store.now()
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/experiments/set-experiment-tag',
      answer({ params: p }) {
        const id = p.string('experiment_id', true)
        const key = p.string('key', true)
        const value = p.string('value') ?? ''
        checkLength('Tag key', key, MAX_ENTITY_KEY_LENGTH)
        checkLength('Tag value', value, MAX_REGISTRY_TAG_VALUE_LENGTH)
        requireActiveExperiment(store, id).tags.set(key, value)
        return {}
      },
    }),
  ]
}

function requireInStage(store: MlflowStore, id: string, stage: ExperimentRecord['lifecycleStage']): ExperimentRecord {
  const e = store.experiments.get(id)
  if (!e || e.lifecycleStage !== stage) throw MlflowError.notFound(`No Experiment with id=${id} exists`)
  return e
}

/** Renaming and tagging need an active experiment (SqlAlchemyStore._check_experiment_is_active). */
function requireActiveExperiment(store: MlflowStore, id: string): ExperimentRecord {
  const e = requireExperiment(store, id)
  if (e.lifecycleStage !== 'active') {
    throw MlflowError.invalid(`The experiment ${id} must be in the 'active' state. Current state is ${e.lifecycleStage}.`)
  }
  return e
}
