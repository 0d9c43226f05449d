import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FullConfig } from '@playwright/test'
import { parse } from 'dotenv'
import { BASE_URL_VARIABLE } from '../contract/plain-variables.js'
import { mockCredentials, mockVariables, writeMockEnvFile } from '../mocks/generated/mock-env.js'
import { serveGeneratedMock } from '../mocks/generated/serve.js'
import { MOCK_ENV_FILE } from '../targets/resolve-target.js'
import { contractFor } from './contract-runtime.js'

/**
 * The zero-configuration default target: a project whose documents are plain (no x-services) and
 * that gives no base URL, no webServer and no running mock is tested against the mock generated
 * from its documents, served in the runner's process for the length of the run. Its variables
 * (base URL, fresh test credentials) reach the workers through a private env file, the same way
 * `contractwright mock` and `npm run mock` hand theirs over. Returns the teardown, or undefined
 * when the project brings its own mock.
 */
export async function startGeneratedMockTarget(config: FullConfig, files: readonly string[]): Promise<(() => Promise<void>) | undefined> {
  if (config.webServer || process.env.MOCK_ENV_FILE) return undefined
  const plain = files.map(contractFor).filter((c) => c.plain)
  if (plain.length === 0 || await runningMock(resolve(MOCK_ENV_FILE))) return undefined
  const credentials = mockCredentials(plain)
  const served = await serveGeneratedMock(plain, { credentials, stateful: true })
  const envFile = join(tmpdir(), `contractwright-mock-${process.pid}-${Date.now()}.env`)
  writeMockEnvFile(envFile, mockVariables(plain, served.baseUrl, credentials), `the mock generated from ${plain.map((c) => c.file).join(', ')}, for this run only`)
  process.env.MOCK_ENV_FILE = envFile // workers inherit the runner's environment
  console.log(`contractwright: no base URL set; testing the mock generated from ${plain.map((c) => c.file).join(', ')} at ${served.baseUrl} (set CONTRACT_BASE_URL to test a server)`)
  return async () => {
    await served.close()
    rmSync(envFile, { force: true })
    delete process.env.MOCK_ENV_FILE
  }
}

// a mock the user started (`contractwright mock`) wrote .env.mock-server: use it while it answers
async function runningMock(file: string): Promise<boolean> {
  if (!existsSync(file)) return false
  const base = parse(readFileSync(file, 'utf8'))[BASE_URL_VARIABLE]
  if (!base) return true // a platform's own mock file (x-variables): not ours to replace
  return fetch(base, { signal: AbortSignal.timeout(2_000) }).then(async (res) => { await res.body?.cancel(); return true }, () => false)
}
