import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createPool, retryAfterSeconds } from './pool.js'

// A clock that only moves when the pool sleeps: Retry-After is honoured without real waiting.
function fakeClock() {
  let now = 0
  const slept: number[] = []
  return { now: () => now, slept, sleep: async (ms: number) => { slept.push(ms); now += ms } }
}
const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

test('catalog pool › never more than `concurrency` requests in flight', async () => {
  const pool = createPool({ concurrency: 3 })
  let active = 0
  let peak = 0
  await Promise.all(Array.from({ length: 20 }, () => pool.request(async () => {
    peak = Math.max(peak, ++active)
    await tick()
    active--
    return { status: 200 }
  })))
  assert.equal(peak, 3)
})

test('catalog pool › a 429 waits its Retry-After, for every request, then retries', async () => {
  const clock = fakeClock()
  const pool = createPool({ concurrency: 2, ...clock })
  const answers = [{ status: 429, retryAfterS: 60 }, { status: 200 }]
  const sentAt: number[] = []
  const first = pool.request(async () => { sentAt.push(clock.now()); return answers.shift()! })
  const result = await first
  const second = await pool.request(async () => { sentAt.push(clock.now()); return { status: 200 } })
  assert.deepEqual([result.status, second.status, pool.throttled], [200, 200, 1])
  assert.deepEqual(sentAt, [0, 60_000, 60_000])
})

test('catalog pool › gives up after maxRetries and returns the 429; an absurd Retry-After is capped', async () => {
  const clock = fakeClock()
  const pool = createPool({ concurrency: 1, maxRetries: 2, maxWaitS: 120, ...clock })
  const result = await pool.request(async () => ({ status: 429, retryAfterS: 86_400 }))
  assert.equal(result.status, 429)
  assert.equal(pool.throttled, 2)
  assert.deepEqual(clock.slept, [120_000, 120_000])
})

test('catalog pool › Retry-After as seconds or an HTTP date', () => {
  const now = Date.parse('2026-08-20T10:00:00Z')
  assert.equal(retryAfterSeconds('60'), 60)
  assert.equal(retryAfterSeconds('Thu, 20 Aug 2026 10:00:30 GMT', now), 30)
  assert.equal(retryAfterSeconds(undefined), undefined)
  assert.equal(retryAfterSeconds('soon'), undefined)
})
