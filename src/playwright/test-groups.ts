import { test } from './fixtures.js'

/** Most groups one call registers: still spreads over that many workers or shards. */
export const MAX_GROUPS = 32

/**
 * Registers tests in at most MAX_GROUPS anonymous groups, each run in order by one worker. In fully
 * parallel mode every top-level test is its own group, and for each group a worker clones the whole
 * test file and re-hashes every test id in it, so the cost grows with (tests)² (bench/findings.md,
 * fix 1). Anonymous groups leave test titles as they were.
 */
export function registerInGroups<T>(items: readonly T[], register: (item: T) => void): void {
  const size = Math.max(1, Math.ceil(items.length / MAX_GROUPS))
  for (let start = 0; start < items.length; start += size) {
    test.describe(() => {
      test.describe.configure({ mode: 'default' })
      for (const item of items.slice(start, start + size)) register(item)
    })
  }
}
