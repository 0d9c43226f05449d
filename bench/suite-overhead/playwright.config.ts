// Bare Playwright, the yardstick for suite overhead: one trivial test, or BENCH_TESTS trivial tests
// in one file. Playwright's defaults otherwise (list reporter, one group per file, default workers).
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: process.env.BENCH_TESTS ? 'many.spec.ts' : 'one.spec.ts',
  outputDir: '../.out/bare/test-results',
})
