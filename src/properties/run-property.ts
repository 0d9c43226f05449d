import fc from 'fast-check'
import type { Exchange } from '../cases/exchange.js'
import type { Failure } from '../checks/check.js'

/** What one generated input led to: the exchange(s) it made and the errors the checks found. */
export interface Judged {
  exchange: Exchange
  errors: Failure[]
  warnings: Failure[]
  answered?: string
  /** for a sequence: every request it made, `METHOD path → status`, so the whole story can be replayed */
  steps?: string[]
}

export interface PropertySettings {
  seed: number
  runs: number
  /** stop generating (and shrinking) after this long; what was found so far is reported */
  timeLimitMs?: number
}

export interface PropertyReport<T> {
  seed: number
  /** inputs tried, shrinking included */
  tried: number
  /** the first failure, shrunk to its smallest input, judged again so its exchange is the one shown */
  failure: { input: T; judged: Judged; shrinks: number } | undefined
  /** every distinct (check, status) seen failing, with how often: one bug is one line, not a hundred */
  signatures: Map<string, number>
  warnings: Map<string, Failure>
}

/** CONTRACT_SEED replays a run exactly; without it, a fresh seed that every report prints. CONTRACT_RUNS: inputs per test. */
export function propertySettings(env: Record<string, string | undefined>, defaultRuns: number): PropertySettings {
  const seed = env.CONTRACT_SEED !== undefined && /^-?\d+$/.test(env.CONTRACT_SEED) ? Number(env.CONTRACT_SEED) : Date.now() % 2 ** 31
  const runs = Number(env.CONTRACT_RUNS) > 0 ? Math.floor(Number(env.CONTRACT_RUNS)) : defaultRuns
  return { seed, runs }
}

export const signatureOf = (f: Failure, x: Exchange) => `${f.check} ${x.response.status}`

/**
 * A fast-check property over generated inputs, the document's examples first: each input is sent
 * and judged by the checks; the first failing input is shrunk to the smallest that still fails.
 */
export async function runProperty<T>(arbitrary: fc.Arbitrary<T>, examples: readonly T[], judge: (input: T) => Promise<Judged>, settings: PropertySettings): Promise<PropertyReport<T>> {
  const signatures = new Map<string, number>()
  const warnings = new Map<string, Failure>()
  let tried = 0
  const property = fc.asyncProperty(arbitrary, async (input) => {
    tried++
    const judged = await judge(input)
    for (const w of judged.warnings) warnings.set(signatureOf(w, judged.exchange), w)
    for (const key of new Set(judged.errors.map((f) => signatureOf(f, judged.exchange)))) signatures.set(key, (signatures.get(key) ?? 0) + 1)
    return judged.errors.length === 0
  })
  const result = await fc.check(property, { seed: settings.seed, numRuns: settings.runs, examples: examples.map((e) => [e] as [T]), endOnFailure: false, ...(settings.timeLimitMs ? { interruptAfterTimeLimit: settings.timeLimitMs } : {}) })
  if (!result.failed) return { seed: settings.seed, tried, failure: undefined, signatures, warnings }
  if (result.counterexample === null) throw new Error(`contractwright: the generated inputs stopped after ${tried} (${result.interrupted ? 'interrupted' : 'too many inputs filtered out'})`)
  const input = result.counterexample[0]
  return { seed: settings.seed, tried, failure: { input, judged: await judge(input), shrinks: result.numShrinks }, signatures, warnings }
}
