import { expect, test } from '@playwright/test'

const count = Number(process.env.BENCH_TESTS)
for (let i = 0; i < count; i++) {
  test(`trivial ${i}`, () => {
    expect(i + 1).toBe(i + 1)
  })
}
