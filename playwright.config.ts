import { defineConfig } from '@playwright/test'
import { API_WORKERS } from './src/config/define-config.js'
import type { ContractWorkerFixtures } from './src/index.js'

// No CONTRACT_TARGET: the built-in mock platform, started here and reached over real loopback HTTP.
const target = process.env.CONTRACT_TARGET || 'mock'
const portBase = Number(process.env.MOCK_PORT_BASE || 4010)
// Where artifacts go (the secrets canary test redirects them to a temporary folder).
const reportDir = process.env.CONTRACT_REPORT_DIR || 'reports'
const htmlDir = process.env.PLAYWRIGHT_HTML_OUTPUT_DIR || 'playwright-report'
const outputDir = process.env.CONTRACT_OUTPUT_DIR || 'test-results'
// Several mock servers (parallel pipelines, the fault matrix) each need their own ports and key file.
if (process.env.MOCK_PORT_BASE && !process.env.MOCK_ENV_FILE) process.env.MOCK_ENV_FILE = `.env.mock-server-${portBase}`

export default defineConfig<{}, Pick<ContractWorkerFixtures, 'contracts'>>({
  testDir: 'specs',
  outputDir,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0, // a contract failure is a finding, not a flake
  workers: API_WORKERS, // API tests start no browser: a worker per core
  reporter: [
    [process.env.CI ? 'dot' : 'list'],
    ['json', { outputFile: `${reportDir}/results.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['html', { open: 'never', outputFolder: htmlDir }],
    ...(process.env.CONTRACT_BLOB ? [['blob', { outputDir: process.env.CONTRACT_BLOB }] as const] : []),
    ['./src/reporters/coverage-reporter.ts', { minOperationCoverage: 1, outputFile: `${reportDir}/coverage.json` }],
    // last: scans what the reporters above wrote
    ['./src/reporters/secret-scan-reporter.ts', { roots: [htmlDir, outputDir, reportDir, process.env.CONTRACT_BLOB || 'blob-report'] }],
  ],
  // Traces and screenshots would store request headers (keys) in clear text: API tests need neither.
  use: {
    trace: 'off', screenshot: 'off', video: 'off',
    contracts: ['contracts/hokusai/openapi.yaml', 'contracts/gatewayz/openapi.yaml'],
  },
  webServer: target === 'mock'
    ? {
        command: 'node --enable-source-maps mocks/start.mjs', // npm run mock, without npm's start-up
        url: `http://127.0.0.1:${portBase}/health`, // checked first: a mock already running is reused
        // ready when it says so (after every port listens and the key file is written), not at the next poll of the URL
        wait: { stdout: /contractwright mock: wrote / },
        reuseExistingServer: !process.env.CI,
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 30_000,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 }, // the mock closes its sockets and exits
      }
    : undefined,
  // An unreachable host fails once, in global setup (the preflight), before any test runs.
  globalSetup: './src/playwright/global-setup.ts',
  // One project: `--grep @smoke` is the read-only production check (health, a model, routing probes,
  // auth refusal). A project per subset would start workers of its own in every run.
  testMatch: /.*\.spec\.ts/,
})
