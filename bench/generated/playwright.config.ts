// The generated tests of one document, nothing else: what `npm run bench -- generated` times.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: 'generated.spec.ts',
  outputDir: '../.out/generated/test-results',
  workers: 2,
  reporter: [['json', { outputFile: '../.out/generated/results.json' }]],
  use: { contracts: [process.env.BENCH_CONTRACT!] } as never,
})
