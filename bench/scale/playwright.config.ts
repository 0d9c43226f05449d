// The generated suite over a synthetic contract, run the way the default config runs the real ones:
// a mock started by webServer, generated cases only, the same reporters.
//   BENCH_CONTRACT=bench/.out/synthetic-100/openapi.yaml npx playwright test -c bench/scale/playwright.config.ts
import { defineConfig } from '@playwright/test'
import type { ContractWorkerFixtures } from '../../src/index.js'

const contract = process.env.BENCH_CONTRACT
if (!contract) throw new Error('bench/scale: set BENCH_CONTRACT to a synthetic openapi.yaml (npm run bench writes them)')
const out = process.env.BENCH_OUT || 'bench/.out/scale-run'
const port = Number(process.env.MOCK_PORT_BASE || 4090)
process.env.MOCK_ENV_FILE ||= `${out}/.env.mock-server`

export default defineConfig<{}, Pick<ContractWorkerFixtures, 'contracts'>>({
  testDir: '.',
  testMatch: 'synthetic.spec.ts',
  outputDir: `${out}/test-results`,
  fullyParallel: true,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: `${out}/results.json` }],
    ['junit', { outputFile: `${out}/junit.xml` }],
    ['html', { open: 'never', outputFolder: `${out}/html` }],
    ['../../src/reporters/coverage-reporter.ts', { minOperationCoverage: 1, outputFile: `${out}/coverage.json` }],
  ],
  use: { trace: 'off', contracts: [contract] },
  webServer: {
    command: 'node --import tsx bench/scale/synthetic-mock.ts',
    cwd: '../..',
    port,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
})
