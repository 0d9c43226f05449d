// Deterministic stand-ins for the three models' outputs (hokusai-api.md §6.4): same inputs, same answer.

const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))
const recommendationFor = (score: number) => (score >= 70 ? 'Hot' : score >= 40 ? 'Warm' : 'Cold')
const round2 = (value: number) => Math.round(value * 100) / 100

/** Model 21 (`local`): every input optional, with defaults. */
export function predictLeadScore(inputs: Record<string, unknown>): Record<string, unknown> {
  const engagement = numberOr(inputs.engagement_score, 50)
  const companySize = numberOr(inputs.company_size, 50)
  const factors: string[] = []
  let score = engagement * 0.6 + clamp(companySize / 25, 0, 20)
  if (engagement >= 70) factors.push('High engagement score')
  if (companySize >= 200) factors.push('Large company')
  if (inputs.demo_requested === true) { score += 10; factors.push('Demo requested') }
  if (inputs.budget_confirmed === true) { score += 10; factors.push('Budget confirmed') }
  const leadScore = Math.round(clamp(score, 0, 100))
  return {
    lead_score: leadScore,
    conversion_probability: round2(leadScore / 100),
    recommendation: recommendationFor(leadScore),
    factors,
    confidence: 0.85,
  }
}

/** Model 27: sales lead scoring from the first-order figures. */
export function predictSalesLead(inputs: Record<string, unknown>): Record<string, unknown> {
  const profit = numberOr(inputs.total_profit, 0)
  const sales = numberOr(inputs.first_sales, 0)
  const leadScore = Math.round(clamp(40 + profit / 50 + sales / 200, 0, 100))
  return {
    lead_score: leadScore,
    conversion_probability: round2(leadScore / 100),
    recommendation: recommendationFor(leadScore),
    confidence: 0.78,
  }
}

function strategy(objective: string, planner: string, coder: string, cost: number, seconds: number, success: number) {
  return {
    objective, planner_model: planner, coder_model: coder, reviewer_model: planner,
    stages: ['plan', 'implement', 'review'],
    estimated_success_under_budget: success, estimated_cost_usd: cost, estimated_duration_seconds: seconds,
    confidence: 0.72, rationale: `Nearest neighbours favour ${objective} for this task type.`,
  }
}

/** Model 30: routes a technical task; the answer depends on the task type only. */
export function predictTaskRoute(inputs: Record<string, unknown>): Record<string, unknown> {
  const task = (inputs.task ?? {}) as Record<string, unknown>
  const taskType = String(task.task_type ?? task.taskType ?? 'general')
  const complex = ['refactor', 'architecture', 'migration'].includes(taskType)
  const recommended = complex
    ? strategy('highest_reliability', 'large-planner', 'large-coder', 1.8, 900, 0.82)
    : strategy('lowest_cost', 'small-planner', 'small-coder', 0.35, 240, 0.88)
  const alternative = complex
    ? strategy('lowest_cost', 'small-planner', 'small-coder', 0.6, 1200, 0.61)
    : strategy('fastest_completion', 'large-planner', 'large-coder', 0.9, 150, 0.9)
  return {
    recommended_strategy: recommended,
    alternatives: [alternative],
    tradeoffs: { lowest_cost: 'small-coder', fastest_completion: 'large-coder', highest_reliability: 'large-coder' },
    nearest_neighbors: { count: 12, success_under_budget_rate: 0.75, mean_cost_usd: 0.7, mean_duration_seconds: 420 },
  }
}
