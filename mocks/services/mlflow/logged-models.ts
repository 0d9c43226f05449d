import { MlflowError } from './mlflow-error.js'
import { paginate } from './paginate.js'
import type { Params } from './params.js'
import { requireExperiment } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { matchesFilter, parseFilter } from './search-filter.js'
import type { LoggedModelRecord, MlflowStore } from './store.js'
import { tagList } from './tag-list.js'

const FINAL_STATUSES = new Set(['LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED'])

function loggedModelView(m: LoggedModelRecord): Record<string, unknown> {
  const tags = tagList(m.tags)
  return {
    info: {
      model_id: m.id,
      experiment_id: m.experimentId,
      name: m.name,
      creation_timestamp_ms: m.creationTimestamp,
      last_updated_timestamp_ms: m.lastUpdatedTimestamp,
      artifact_uri: m.artifactUri,
      status: m.status,
      ...(m.modelType ? { model_type: m.modelType } : {}),
      ...(m.sourceRunId ? { source_run_id: m.sourceRunId } : {}),
      ...(tags ? { tags } : {}),
    },
    data: m.params.length ? { params: m.params.map((p) => ({ ...p })) } : {},
  }
}

function attribute(m: LoggedModelRecord, key: string): string | number | undefined {
  if (key.startsWith('tags.')) return m.tags.get(key.slice(5))
  if (key.startsWith('params.')) return m.params.find((p) => p.key === key.slice(7))?.value
  const read: Record<string, () => string | number | undefined> = {
    name: () => m.name, model_id: () => m.id, status: () => m.status, model_type: () => m.modelType,
    source_run_id: () => m.sourceRunId, creation_timestamp: () => m.creationTimestamp, creation_time: () => m.creationTimestamp,
    last_updated_timestamp: () => m.lastUpdatedTimestamp,
  }
  const found = read[key.replace(/^attributes?\./, '')]
  if (!found) throw MlflowError.invalid(`Invalid attribute key '${key}' specified for logged models.`)
  return found()
}

function search(store: MlflowStore, p: Params): Record<string, unknown> {
  const experimentIds = new Set(p.strings('experiment_ids'))
  const clauses = parseFilter(p.string('filter'))
  const order = [
    ...p.objects('order_by').map((o) => ({ key: o.string('field_name', true), desc: o.boolean('ascending') === false })),
    { key: 'creation_timestamp', desc: true },
  ]
  const found = [...store.loggedModels.values()]
    .filter((m) => (experimentIds.size === 0 || experimentIds.has(m.experimentId)) && matchesFilter(clauses, (k) => attribute(m, k)))
    .sort((a, b) => {
      for (const { key, desc } of order) {
        const [x, y] = [attribute(a, key), attribute(b, key)]
        if (x !== y && x !== undefined && y !== undefined) return (x < y ? -1 : 1) * (desc ? -1 : 1)
      }
      return 0
    })
  const page = paginate(found, p.integer('max_results') ?? 100, p.string('page_token'))
  return {
    ...(page.items.length ? { models: page.items.map(loggedModelView) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  }
}

/** MLflow 3.x logged-model endpoints (mlflow-rest.md §10; flow in mlflow-proxy.md §12). */
export function loggedModelRoutes(store: MlflowStore): MlflowRoute[] {
  const find = (id: string): LoggedModelRecord => {
    const m = store.loggedModels.get(id)
    if (!m) throw MlflowError.notFound(`Logged model with ID '${id}' not found.`)
    return m
  }
  return [
    defineRoute({
      methods: ['POST'],
      path: '/logged-models',
      answer({ params: p }) {
        const experiment = requireExperiment(store, p.string('experiment_id', true))
        const id = `m-${store.newId()}`
        const t = store.now()
        const model: LoggedModelRecord = {
          id, experimentId: experiment.id, name: p.string('name') || `model-${id.slice(2, 10)}`,
          modelType: p.string('model_type'), sourceRunId: p.string('source_run_id'), status: 'LOGGED_MODEL_PENDING',
          creationTimestamp: t, lastUpdatedTimestamp: t, artifactUri: `${experiment.artifactLocation}/models/${id}/artifacts`,
          params: p.keyValues('params'), tags: new Map(p.keyValues('tags').map((x) => [x.key, x.value])),
        }
        store.loggedModels.set(id, model)
        return { model: loggedModelView(model) }
      },
    }),
    defineRoute({ methods: ['POST'], path: '/logged-models/search', answer: ({ params }) => search(store, params) }),
    defineRoute({
      methods: ['GET'],
      path: '/logged-models/:model_id',
      answer: ({ pathParams }) => ({ model: loggedModelView(find(pathParams.model_id ?? '')) }),
    }),
    defineRoute({
      methods: ['PATCH'],
      path: '/logged-models/:model_id',
      answer({ params: p, pathParams }) {
        const status = p.string('status', true)
        if (!FINAL_STATUSES.has(status)) throw MlflowError.invalid(`Invalid logged model status '${status}'. Use one of ${[...FINAL_STATUSES].join(', ')}.`)
        const model = find(pathParams.model_id ?? '')
        Object.assign(model, { status, lastUpdatedTimestamp: store.now() })
        return { model: loggedModelView(model) }
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/logged-models/:model_id',
      answer({ pathParams }) {
        store.loggedModels.delete(find(pathParams.model_id ?? '').id)
        return {}
      },
    }),
    defineRoute({
      methods: ['PATCH'],
      path: '/logged-models/:model_id/tags',
      answer({ params: p, pathParams }) {
        const tags = p.keyValues('tags')
        const model = find(pathParams.model_id ?? '')
        for (const t of tags) model.tags.set(t.key, t.value)
        return {}
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/logged-models/:model_id/tags/:tag_key',
      answer({ pathParams }) {
        find(pathParams.model_id ?? '').tags.delete(pathParams.tag_key ?? '')
        return {}
      },
    }),
  ]
}
