import { MlflowError } from './mlflow-error.js'
import { paginate } from './paginate.js'
import type { KeyValue, Params } from './params.js'
import { requireActiveRun } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { runIdOf } from './runs.js'
import type { ResolvedMlflowSettings } from './settings.js'
import type { MetricRecord, MlflowStore, RunRecord } from './store.js'
import { MAX_ENTITY_KEY_LENGTH, checkEntityName, checkLength } from './validation.js'

// param values over 6000 characters are silently truncated (#83)
const MAX_PARAM_LENGTH = 6000
const BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100 }

function readMetric(p: Params): MetricRecord {
  const key = p.string('key', true)
  checkEntityName('metric', key)
  checkLength('Metric name', key, MAX_ENTITY_KEY_LENGTH)
  const value = p.number('value', true)!
  const timestamp = p.integer('timestamp', true)!
  return { key, value, timestamp, step: p.integer('step') ?? 0 }
}

function readParam(p: Params): KeyValue {
  const key = p.string('key', true)
  checkEntityName('param', key)
  checkLength('Param key', key, MAX_ENTITY_KEY_LENGTH)
  return { key, value: (p.string('value') ?? '').slice(0, MAX_PARAM_LENGTH) }
}

/** Params are immutable: the same value again is fine, a different one is refused as a whole batch. */
function logParams(run: RunRecord, params: readonly KeyValue[]): void {
  const changed = params.filter((p) => run.params.has(p.key) && run.params.get(p.key) !== p.value)
  if (changed.length === 1 && params.length === 1) {
    const [p] = changed
    throw MlflowError.invalid(
      `Changing param values is not allowed. Param with key='${p!.key}' was already logged with value='${run.params.get(p!.key)}' ` +
        `for run ID='${run.id}'. Attempted logging new value '${p!.value}'.`,
    )
  }
  if (changed.length) {
    const detail = changed.map((p) => `{'key': '${p.key}', 'old_value': '${run.params.get(p.key)}', 'new_value': '${p.value}'}`)
    throw MlflowError.invalid(`Changing param values is not allowed. Params were already logged='[${detail.join(', ')}]' for run ID='${run.id}'.`)
  }
  for (const p of params) run.params.set(p.key, p.value)
}

/** Logging endpoints of a run: params, metrics, tags, batches, 3.x model outputs (mlflow-rest.md §5, §10). */
export function runLoggingRoutes(store: MlflowStore, settings: ResolvedMlflowSettings): MlflowRoute[] {
  const routes: MlflowRoute[] = [
    defineRoute({
      methods: ['POST'],
      path: '/runs/log-parameter',
      answer({ params: p }) {
        const param = readParam(p)
        logParams(requireActiveRun(store, runIdOf(p)), [param])
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/log-metric',
      answer({ params: p }) {
        const metric = readMetric(p)
        requireActiveRun(store, runIdOf(p)).metrics.push(metric)
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/log-batch',
      answer({ params: p }) {
        const metrics = p.objects('metrics').map(readMetric)
        const params = p.objects('params').map(readParam)
        const tags = p.keyValues('tags')
        for (const [field, limit] of Object.entries(BATCH_LIMITS)) {
          const count = { metrics, params, tags }[field as keyof typeof BATCH_LIMITS].length
          if (count > limit) throw MlflowError.invalid(`A batch logging request can contain at most ${limit} ${field}. Got ${count} ${field}.`)
        }
        const run = requireActiveRun(store, runIdOf(p))
        logParams(run, params)
        run.metrics.push(...metrics)
        for (const t of tags) run.tags.set(t.key, t.value)
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/set-tag',
      answer({ params: p }) {
        const key = p.string('key', true)
        const value = p.string('value') ?? ''
        const run = requireActiveRun(store, runIdOf(p))
        run.tags.set(key, value)
        if (key === 'mlflow.runName') run.name = value
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/delete-tag',
      answer({ params: p }) {
        const key = p.string('key', true)
        const run = requireActiveRun(store, runIdOf(p))
        if (!run.tags.delete(key)) throw MlflowError.notFound(`No tag with name: ${key} in run with id ${run.id}`)
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/log-model',
      answer({ params: p }) {
        p.string('model_json', true)
        requireActiveRun(store, runIdOf(p))
        return {}
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/metrics/get-history',
      answer({ params: p }) {
        const key = p.string('metric_key', true)
        // the SQL store queries metrics by run id without looking the run up: an unknown run is an empty history
        const history = (store.runs.get(runIdOf(p))?.metrics ?? [])
          .filter((m) => m.key === key)
          .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp)
        const page = paginate(history, p.integer('max_results') ?? 25000, p.string('page_token'))
        return {
          ...(page.items.length ? { metrics: page.items.map((m) => ({ ...m })) } : {}),
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        }
      },
    }),
  ]
  if (settings.features.loggedModels) {
    routes.push(
      defineRoute({
        methods: ['POST'],
        path: '/runs/outputs',
        answer({ params: p }) {
          const models = p.objects('models').map((m) => ({ model_id: m.string('model_id', true), step: m.integer('step') ?? 0 }))
          requireActiveRun(store, runIdOf(p)).modelOutputs.push(...models)
          return {}
        },
      }),
    )
  }
  return routes
}
