export interface PollOptions<T> {
  attempt: () => Promise<T>
  state: (value: T) => string // e.g. the model version's status
  done: (state: string) => boolean
  failed?: (state: string) => boolean // a final state that will never become done
  timeoutMs: number
  intervalMs: number
  sleep?: (ms: number) => Promise<void> // injectable, so tests need no timing
  now?: () => number
}

export type PollOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; value: T; attempts: number; reason: string }

/**
 * Repeats `attempt` until its state is done, a failed state shows, or the time is up. Always tries once.
 * Returns the outcome instead of throwing, so the caller can report the last answer with its step.
 */
export async function pollUntil<T>(o: PollOptions<T>): Promise<PollOutcome<T>> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const now = o.now ?? Date.now
  const deadline = now() + o.timeoutMs
  const seen: string[] = []
  for (let attempts = 1; ; attempts++) {
    const value = await o.attempt()
    const state = o.state(value)
    if (seen.at(-1) !== state) seen.push(state)
    if (o.done(state)) return { ok: true, value, attempts }
    if (o.failed?.(state)) return { ok: false, value, attempts, reason: `reached ${state} after ${attempts} ${plural(attempts)}` }
    if (now() + o.intervalMs > deadline) {
      return { ok: false, value, attempts, reason: `still ${state} after ${attempts} ${plural(attempts)} in ${Math.round(o.timeoutMs / 1000)} s (states seen: ${seen.join(' → ')})` }
    }
    await sleep(o.intervalMs)
  }
}

const plural = (n: number) => (n === 1 ? 'poll' : 'polls')
