import { MlflowError } from './mlflow-error.js'
import { paginate } from './paginate.js'
import type { Params } from './params.js'
import { requireActiveRun, requireExperiment, requireRun } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { runAttribute } from './run-attribute.js'
import { runInfoView, runView } from './run-view.js'
import { checkKeys, matchesFilter, parseFilter, parseOrderClause } from './search-filter.js'
import type { ResolvedMlflowSettings } from './settings.js'
import type { MlflowStore, RunRecord } from './store.js'
import { inView } from './view-type.js'

const RUN_STATUSES = new Set(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'])
// proto JSON accepts an enum by its number too: RunStatus RUNNING = 1 … KILLED = 5
const RUN_STATUS_NUMBERS = ['', 'RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']
// a run with nothing logged: lets checkKeys ask runAttribute whether a key exists
const NO_RUN = { params: new Map(), tags: new Map(), metrics: [] } as unknown as RunRecord

/** `run_id`, or the legacy `run_uuid` older clients send (#77). */
export function runIdOf(p: Params): string {
  return p.string('run_id') || p.string('run_uuid') || p.string('run_id', true)
}

function createRun(store: MlflowStore, p: Params): RunRecord {
  // no experiment_id reaches the SQL insert as NULL: sqlite's FOREIGN KEY failure, answered BAD_REQUEST
  const experimentId = p.string('experiment_id')
  if (!experimentId) throw new MlflowError('BAD_REQUEST', '(sqlite3.IntegrityError) FOREIGN KEY constraint failed')
  const tags = new Map(p.keyValues('tags').map((t) => [t.key, t.value]))
  const userId = p.string('user_id') ?? ''
  const startTime = p.integer('start_time') ?? store.now()
  const experiment = requireExperiment(store, experimentId)
  if (experiment.lifecycleStage !== 'active') {
    throw MlflowError.invalid(`The experiment ${experimentId} must be in the 'active' state. Current state is deleted.`)
  }
  const id = store.newId()
  const name = p.string('run_name') || tags.get('mlflow.runName') || `run-${id.slice(0, 8)}`
  tags.set('mlflow.runName', name) // the server records the name as a tag too (#11)
  const run: RunRecord = {
    id, experimentId, name, userId, status: 'RUNNING', startTime,
    artifactUri: `${experiment.artifactLocation}/${id}/artifacts`,
    lifecycleStage: 'active', params: new Map(), metrics: [], tags, modelOutputs: [],
  }
  store.runs.set(id, run)
  return run
}

// default order: start_time DESC, then run_id ASC (SqlAlchemyStore._search_runs)
function compare(orderBy: readonly string[]): (a: RunRecord, b: RunRecord) => number {
  const keys = [...orderBy, 'start_time DESC', 'run_id ASC'].map(parseOrderClause)
  return (a, b) => {
    for (const { key, desc } of keys) {
      const [x, y] = [runAttribute(a, key), runAttribute(b, key)]
      if (x === y || x === undefined || y === undefined) continue
      return (x < y ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  }
}

function searchRuns(store: MlflowStore, p: Params, features: ResolvedMlflowSettings['features']): Record<string, unknown> {
  // the recorded 2.17 server takes a plain string for experiment_ids (200, nothing found) where other lists are refused
  const experimentIds = new Set(p.strings('experiment_ids', { single: features.searchRunsTakesStringIds }))
  const maxResults = p.integer('max_results') ?? 1000
  if (maxResults > 50000) throw MlflowError.invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000.`)
  const view = inView(p.string('run_view_type'))
  const clauses = parseFilter(p.string('filter'))
  const orderBy = p.strings('order_by')
  checkKeys([...clauses.map((c) => c.key), ...orderBy.map((c) => parseOrderClause(c).key)], (k) => runAttribute(NO_RUN, k))
  const found = [...store.runs.values()]
    .filter((r) => experimentIds.has(r.experimentId) && view(r) && matchesFilter(clauses, (k) => runAttribute(r, k)))
    .sort(compare(orderBy))
  const page = paginate(found, maxResults, p.string('page_token'))
  return {
    // search answers carry `inputs: {}` in both versions but never `outputs` (#30)
    ...(page.items.length ? { runs: page.items.map((r) => runView(r, { inputs: true, outputs: false })) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  }
}

/** Run lifecycle endpoints (mlflow-rest.md §5); logging lives in run-logging.ts. */
export function runRoutes(store: MlflowStore, settings: ResolvedMlflowSettings): MlflowRoute[] {
  const { features } = settings
  return [
    defineRoute({
      methods: ['POST'],
      path: '/runs/create',
      answer: ({ params }) => ({ run: runView(createRun(store, params), { inputs: features.createRunHasInputs, outputs: false }) }),
    }),
    defineRoute({
      methods: ['GET'],
      path: '/runs/get',
      answer: ({ params }) => ({ run: runView(requireRun(store, runIdOf(params)), { inputs: true, outputs: features.getRunHasOutputs }) }),
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/update',
      answer({ params: p }) {
        const run = requireActiveRun(store, runIdOf(p))
        const status = p.enumName('status', RUN_STATUS_NUMBERS)
        const endTime = p.integer('end_time')
        const name = p.string('run_name')
        if (status && RUN_STATUSES.has(status)) run.status = status // unknown enum values are dropped (#27)
        if (endTime !== undefined) run.endTime = endTime
        if (name) {
          run.name = name
          run.tags.set('mlflow.runName', name)
        }
        return { run_info: runInfoView(run) }
      },
    }),
    defineRoute({ methods: ['POST'], path: '/runs/search', answer: ({ params }) => searchRuns(store, params, features) }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/delete',
      answer({ params }) {
        requireRun(store, runIdOf(params)).lifecycleStage = 'deleted'
        return {}
      },
    }),
    defineRoute({
      methods: ['POST'],
      path: '/runs/restore',
      answer({ params }) {
        requireRun(store, runIdOf(params)).lifecycleStage = 'active'
        return {}
      },
    }),
  ]
}
