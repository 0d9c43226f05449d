import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig as definePlaywrightConfig, type PlaywrightTestConfig, type ReporterDescription } from '@playwright/test'

/** The options contractwright reads from `use`, typed so a config needs no casts. */
export interface ContractOptions {
  /** Contract files or URLs this project tests (OpenAPI 3.0, 3.1 or Swagger 2.0; JSON or YAML). */
  contracts: string[]
}

export type ContractConfig = PlaywrightTestConfig<{}, ContractOptions>

export interface ContractDefaults {
  /** Where results.json, junit.xml and coverage.json go (default `reports`). */
  reportDir?: string
}

// `.js` in the packed library, `.ts` when this repository runs its sources through tsx
const ext = extname(fileURLToPath(import.meta.url))
const own = (path: string) => fileURLToPath(new URL(`${path}${ext}`, import.meta.url))

/**
 * One worker per core. Playwright's default, half the cores, leaves room for browsers; an API test's
 * worker is the only process it runs, so on a 2-core runner half would leave a core idle.
 */
export const API_WORKERS = '100%'

/**
 * Playwright's `defineConfig` with contractwright's defaults: the preflight (global setup), the
 * reporters a sign-off reads (JSON, JUnit, HTML, operation coverage, then the secret scan of all of
 * them), no traces or screenshots (they would store request headers in clear text), no retries (a
 * contract failure is a finding, not a flake), a worker per core. Anything in `config` wins; `use.contracts` is typed.
 */
export function defineConfig(config: ContractConfig, defaults: ContractDefaults = {}): ContractConfig {
  const reportDir = defaults.reportDir ?? 'reports'
  const htmlDir = process.env.PLAYWRIGHT_HTML_OUTPUT_DIR || 'playwright-report'
  const outputDir = config.outputDir ?? 'test-results'
  const reporter: ReporterDescription[] = [
    [process.env.CI ? 'dot' : 'list'],
    ['json', { outputFile: `${reportDir}/results.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['html', { open: 'never', outputFolder: htmlDir }],
    [own('../reporters/coverage-reporter'), { outputFile: `${reportDir}/coverage.json` }],
    // last: scans what the reporters above wrote
    [own('../reporters/secret-scan-reporter'), { roots: [htmlDir, outputDir, reportDir] }],
  ]
  const globalSetup = [own('../playwright/global-setup'), ...[config.globalSetup ?? []].flat()]
  return definePlaywrightConfig<{}, ContractOptions>({
    testDir: 'tests',
    fullyParallel: true,
    workers: API_WORKERS,
    forbidOnly: !!process.env.CI,
    retries: 0,
    reporter,
    ...config,
    outputDir,
    globalSetup,
    use: { trace: 'off', screenshot: 'off', video: 'off', ...config.use },
  })
}
