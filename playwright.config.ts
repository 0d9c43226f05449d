import { defineConfig } from '@playwright/test'
import type { ContractWorkerFixtures } from './src/index.js'

// No CONTRACT_TARGET: the built-in mock platform, started here and reached over real loopback HTTP.
const target = process.env.CONTRACT_TARGET || 'mock'
const portBase = Number(process.env.MOCK_PORT_BASE || 4010)
// Several mock servers (parallel pipelines, the fault matrix) each need their own ports and key file.
if (process.env.MOCK_PORT_BASE && !process.env.MOCK_ENV_FILE) process.env.MOCK_ENV_FILE = `.env.mock-server-${portBase}`

export default defineConfig<{}, Pick<ContractWorkerFixtures, 'contracts'>>({
  testDir: 'specs',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0, // a contract failure is a finding, not a flake
  workers: process.env.CI ? 2 : undefined,
  reporter: [
    [process.env.CI ? 'dot' : 'list'],
    ['json', { outputFile: 'reports/results.json' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['html', { open: 'never' }],
    ['./src/reporters/coverage-reporter.ts', { minOperationCoverage: 1 }],
  ],
  // Traces and screenshots would store request headers (keys) in clear text: API tests need neither.
  use: {
    trace: 'off', screenshot: 'off', video: 'off',
    contracts: ['contracts/hokusai/openapi.yaml', 'contracts/gatewayz/openapi.yaml'],
  },
  webServer: target === 'mock'
    ? {
        command: 'npx tsx mocks/server.ts',
        url: `http://127.0.0.1:${portBase}/health`,
        reuseExistingServer: !process.env.CI,
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 30_000,
      }
    : undefined,
  projects: [
    { name: 'contract', testMatch: /.*\.spec\.ts/ },
  ],
})
