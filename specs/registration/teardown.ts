import type { CleanupList } from './cleanup-list.js'
import type { StepRunner } from './step-runner.js'
import { StepFailure } from './step-failure.js'

/**
 * Deletes everything the flow created, dependents first, through the proxy like every other call.
 * Never stops at a failed delete: each problem is returned (redacted), so one leftover hides no other.
 */
export async function tearDown(run: StepRunner, cleanup: CleanupList): Promise<string[]> {
  const problems: string[] = []
  const actions = cleanup.actions()
  if (actions.length === 0) return problems
  await run.step(`teardown: ${actions.map((a) => a.label).join(', ')}`, async () => {
    for (const a of actions) {
      try {
        await run.mlflow(a.operationId, a.rpc, { ...a.input, expect: [200, ...a.gone] })
      } catch (error) {
        problems.push(error instanceof StepFailure ? `${a.label}:\n${error.message}` : `${a.label}: ${(error as Error).message}`)
      }
    }
  })
  return problems
}

/** Names of active experiments and registered models that start with `prefix`: what a run left behind. */
export async function findLeftovers(run: StepRunner, prefix: string): Promise<string[]> {
  // LIKE treats _ and % as wildcards: a prefix with either would match more than it should
  if (/[%_']/.test(prefix)) throw new Error(`contractwright: run prefix "${prefix}" cannot be searched with LIKE`)
  const filter = `name LIKE '${prefix}%'`
  const experiments = await run.mlflow('searchMlflowExperiments', 'experiments/search', { body: { filter, max_results: 100, view_type: 'ACTIVE_ONLY' } })
  const models = await run.mlflow('searchMlflowRegisteredModels', 'registered-models/search', { query: { filter, max_results: 100 } })
  const names = (x: unknown, key: string) => (Array.isArray(x) ? x.map((e) => String((e as Record<string, unknown>)[key])) : [])
  const body = (j: unknown) => (j ?? {}) as Record<string, unknown>
  return [
    ...names(body(experiments.response.json).experiments, 'name').map((n) => `experiment ${n}`),
    ...names(body(models.response.json).registered_models, 'name').map((n) => `registered model ${n}`),
  ]
}
