/** Anything a pooled request answers: its status and, on 429, how long the server asked us to wait. */
export interface Answered {
  status: number
  retryAfterS?: number
}

export interface PoolOptions {
  /** requests in flight at once */
  concurrency: number
  /** 429s answered by waiting before a request gives up and returns its 429 */
  maxRetries?: number
  /** a longer Retry-After is cut to this, so one answer cannot stall the run for an hour */
  maxWaitS?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/** Runs requests with bounded concurrency; a 429 pauses every request, not just the one that got it. */
export interface Pool {
  request<T extends Answered>(send: () => Promise<T>): Promise<T>
  /** 429s seen so far (for the report) */
  readonly throttled: number
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const DEFAULT_WAIT_S = 1 // a 429 without Retry-After: back off a little anyway

export function createPool({ concurrency, maxRetries = 3, maxWaitS = 120, sleep = realSleep, now = Date.now }: PoolOptions): Pool {
  let active = 0
  let throttled = 0
  let pausedUntil = 0
  const waiting: Array<() => void> = []

  const acquire = async (): Promise<void> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
    else active++
  }
  // The freed slot goes straight to the next waiter, so `active` never overshoots.
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }

  return {
    get throttled() { return throttled },
    async request<T extends Answered>(send: () => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        await acquire()
        let answer: T
        try {
          // The server's rate limit is per client, so every request honours the latest Retry-After.
          for (let wait = pausedUntil - now(); wait > 0; wait = pausedUntil - now()) await sleep(wait)
          answer = await send()
        } finally {
          release()
        }
        if (answer.status !== 429 || attempt >= maxRetries) return answer
        throttled++
        const waitS = Math.min(answer.retryAfterS ?? DEFAULT_WAIT_S, maxWaitS)
        pausedUntil = Math.max(pausedUntil, now() + waitS * 1000)
      }
    },
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}
