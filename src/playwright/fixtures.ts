import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect as baseExpect, test as base } from '@playwright/test'
import type { Case } from '../cases/case.js'
import { operationCase, type OperationInput } from '../cases/operation-case.js'
import type { Exchange } from '../cases/exchange.js'
import { builtinChecks } from '../checks/builtin-checks.js'
import type { Check } from '../checks/check.js'
import { resolveTarget, targetName, DEFAULT_TARGET, MOCK_ENV_FILE } from '../targets/resolve-target.js'
import type { Target } from '../targets/target.js'
import { missingCredentials } from '../targets/preflight.js'
import { uniqueNamer } from '../targets/unique-name.js'
import { contractFor, loadedContracts, runtimeFor } from './contract-runtime.js'
import { attachContext } from './exchange-context.js'
import { sendCase } from './send-case.js'
import { toMatchContract } from './to-match-contract.js'

export interface ContractWorkerFixtures {
  contracts: string[] // contract files this project uses; set in playwright.config.ts `use`
  checks: readonly Check[]
  target: Target
  unique: { prefix: string; next(): string }
}

export interface ContractTestFixtures {
  sendCase: (contractFile: string, c: Case) => Promise<Exchange>
  /** Sends one request to an operation of the configured contracts: `send('getModelInfo', { path: { model_id: 21 } })`. */
  send: (operationId: string, input?: OperationInput) => Promise<Exchange>
}

export const test = base.extend<ContractTestFixtures, ContractWorkerFixtures>({
  contracts: [[], { option: true, scope: 'worker' }],
  checks: [builtinChecks, { option: true, scope: 'worker' }],
  target: [async ({ contracts }, use) => {
    await waitForMockEnv()
    await use(resolveTarget([...contracts.map(contractFor), ...loadedContracts()], process.env))
  }, { scope: 'worker' }],
  unique: [async ({}, use) => use(uniqueNamer(process.env.CONTRACT_RUN_PREFIX || undefined)), { scope: 'worker' }],
  // box 'self': no report step of their own for these two (a step per test costs Playwright a captured
  // stack and two messages to the runner); the request inside stays a step.
  sendCase: [async ({ target, checks, unique }, use) => {
    await use(async (file, c) => {
      const runtime = runtimeFor(file)
      // A report step per request, titled with what is safe to show: method and path, no query, no headers.
      // At the test's own location: a step without one costs Playwright a captured stack per request.
      const { file: at, line, column } = test.info()
      const x = await test.step(`${c.request.method} ${c.request.host}${c.request.path}`, () => sendCase(runtime, target, c, unique.next), { location: { file: at, line, column } })
      test.info().annotations.push({ type: 'cw-exchange', description: JSON.stringify({ contract: file, operationId: c.operationId, status: x.response.status }) })
      return attachContext(x, { runtime, target, checks })
    })
  }, { box: 'self' }],
  send: [async ({ sendCase, contracts, target }, use) => {
    await use(async (operationId, input) => {
      const file = contracts.find((f) => contractFor(f).operations.some((o) => o.id === operationId))
      if (!file) throw new Error(`contractwright: no operation "${operationId}" in ${contracts.join(', ') || 'the configured contracts (set use.contracts)'}`)
      const contract = contractFor(file)
      test.skip(target.unconfigured.includes(contract.title), `not run: ${contract.title} is not configured for target "${target.name}"`)
      const c = operationCase(contract, contract.operations.find((o) => o.id === operationId)!, input)
      test.skip(c.mutates && target.readOnly && !target.allowMutations, 'not run: read-only target')
      const missing = missingCredentials(contract, target, c)
      test.skip(missing.length > 0, `not run: ${missing.join(', ')} not set (the credential ${operationId} needs)`)
      return sendCase(file, c)
    })
  }, { box: 'self' }],
})

export const expect = baseExpect.extend({ toMatchContract })

// Playwright's webServer is ready when the port answers; the env file lands a moment later.
async function waitForMockEnv(): Promise<void> {
  if (targetName(process.env) !== DEFAULT_TARGET) return
  const file = resolve(process.env.MOCK_ENV_FILE || MOCK_ENV_FILE)
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100))
}
