import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pollUntil } from './poll.js'

/** A fake clock: sleeping advances it, so no test waits. */
function clock() {
  let t = 0
  return { now: () => t, sleep: async (ms: number) => { t += ms } }
}

const states = (...list: string[]) => {
  let i = 0
  return async () => list[Math.min(i++, list.length - 1)]!
}

describe('pollUntil', () => {
  it('returns the first READY answer and how many polls it took', async () => {
    const out = await pollUntil({ attempt: states('PENDING_REGISTRATION', 'PENDING_REGISTRATION', 'READY'), state: (s) => s, done: (s) => s === 'READY', timeoutMs: 10_000, intervalMs: 1_000, ...clock() })
    assert.deepEqual(out, { ok: true, value: 'READY', attempts: 3 })
  })

  it('stops at once on a failed state', async () => {
    const out = await pollUntil({ attempt: states('PENDING_REGISTRATION', 'FAILED_REGISTRATION'), state: (s) => s, done: (s) => s === 'READY', failed: (s) => s === 'FAILED_REGISTRATION', timeoutMs: 10_000, intervalMs: 1_000, ...clock() })
    assert.equal(out.ok, false)
    assert.equal(!out.ok && out.reason, 'reached FAILED_REGISTRATION after 2 polls')
  })

  it('gives up within the bound and says what it saw', async () => {
    const c = clock()
    const out = await pollUntil({ attempt: states('PENDING_REGISTRATION'), state: (s) => s, done: (s) => s === 'READY', timeoutMs: 5_000, intervalMs: 1_000, ...c })
    assert.equal(out.ok, false)
    assert.equal(out.attempts, 6) // at 0, 1, … 5 s
    assert.ok(c.now() <= 5_000)
    assert.equal(!out.ok && out.reason, 'still PENDING_REGISTRATION after 6 polls in 5 s (states seen: PENDING_REGISTRATION)')
  })

  it('always tries once, even with no time', async () => {
    const out = await pollUntil({ attempt: states('READY'), state: (s) => s, done: (s) => s === 'READY', timeoutMs: 0, intervalMs: 1_000, ...clock() })
    assert.equal(out.ok, true)
  })
})
