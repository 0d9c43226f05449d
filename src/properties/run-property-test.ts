import { createHash } from 'node:crypto'
import type { Exchange } from '../cases/exchange.js'
import type { Judge, PropertyTest, Send } from './property-plan.js'
import { runProperty, type PropertyReport, type PropertySettings } from './run-property.js'

export interface PropertyTestReport extends PropertyReport<unknown> {
  /** the run's seed (what CONTRACT_SEED replays); each test derives its own from it and its id */
  runSeed: number
  /** requests sent, shrinking included */
  requests: number
  /** every (operation, status) the test saw, for coverage */
  seen: Array<{ operationId: string | undefined; status: number }>
}

/** Each test's own seed from the run's: tests stay independent of order and worker, and one number replays them all. */
export function testSeed(runSeed: number, id: string): number {
  return createHash('sha256').update(`${runSeed}:${id}`).digest().readUInt32BE(0) & 0x7fffffff
}

/**
 * Runs one property test: generated inputs sent and judged, the first failing one shrunk. A request
 * that cannot reach the target at all ends the test with that error, not with a shrunk "failure".
 */
export async function runPropertyTest(t: PropertyTest, send: Send, judge: Judge, settings: PropertySettings): Promise<PropertyTestReport> {
  let fatal: unknown
  let requests = 0
  const seen = new Map<string, { operationId: string | undefined; status: number }>()
  const guarded: Send = async (c) => {
    if (fatal !== undefined) throw fatal
    let x: Exchange
    requests++
    try {
      x = await send(c)
    } catch (error) {
      fatal = error
      throw error
    }
    seen.set(`${c.operationId} ${x.response.status}`, { operationId: c.operationId, status: x.response.status })
    return x
  }
  const own = { ...settings, seed: testSeed(settings.seed, t.id), runs: t.runs(settings.runs) }
  try {
    const report = await runProperty(t.arbitrary, t.examples, (input) => t.execute(input, guarded, judge), own)
    return { ...report, runSeed: settings.seed, requests, seen: [...seen.values()] }
  } catch (error) {
    throw fatal ?? error
  }
}
