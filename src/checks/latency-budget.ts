import { defineCheck } from './check.js'

/** x-latency-budget-ms: always reported when exceeded; fails the test only when the contract says `enforce: true`. */
export const latencyBudget = defineCheck({
  name: 'latency_budget',
  summary: 'the answer arrived within the operation\'s x-latency-budget-ms',
  appliesTo: (c) => c.operationId !== undefined,
  run({ elapsedMs }, { operation }) {
    const budget = operation?.latencyBudget
    if (!budget || elapsedMs <= budget.budget) return []
    return [{
      check: 'latency_budget',
      title: 'Latency budget exceeded',
      expected: `≤ ${budget.budget} ms`,
      actual: `${Math.round(elapsedMs)} ms`,
      pointer: `${operation!.pointer}/x-latency-budget-ms`,
      severity: budget.enforce ? 'error' : 'warning',
    }]
  },
})
