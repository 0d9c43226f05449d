import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'dotenv'
import { test as base, type ContractTestFixtures } from '../../src/index.js'
import { principalKeys } from './principals.js'

export { expect } from '../../src/index.js'
export type SendInput = NonNullable<Parameters<ContractTestFixtures['send']>[1]>

export interface ScenarioWorkerFixtures {
  /** mock auth principal → its synthetic key; empty on live targets */
  principals: Readonly<Record<string, string>>
}

export interface ScenarioTestFixtures {
  /** Send input that authenticates as a mock principal; skips the test, with the reason, off the mock. */
  asPrincipal: (name: string) => SendInput
}

// A principal is a credential of the target named `mock:<principal>`, so `send` places its key in the
// operation's first scheme exactly like HOKUSAI_API_KEY, and the case stays a positive one.
const CREDENTIAL = 'mock:'

export const test = base.extend<ScenarioTestFixtures, ScenarioWorkerFixtures>({
  // Principal keys are keys like any other: they join the target's mask list, so failure messages and
  // curls never show them. The mock writes them only to its env file, one of the files the target read.
  target: [async ({ target }, use) => {
    const fromFiles = target.name === 'mock'
      ? Object.assign({}, ...target.files.map((f) => parse(readFileSync(resolve(f))))) as Record<string, string>
      : {}
    const keys = principalKeys({ ...fromFiles, ...(target.name === 'mock' ? process.env : {}) })
    const credentials = { ...target.credentials, ...Object.fromEntries(Object.entries(keys).map(([p, k]) => [CREDENTIAL + p, k])) }
    await use({ ...target, credentials, secrets: [...new Set([...target.secrets, ...Object.values(keys)])] })
  }, { scope: 'worker' }],
  principals: [async ({ target }, use) => {
    const mine = Object.entries(target.credentials).filter(([name, key]) => name.startsWith(CREDENTIAL) && key !== undefined)
    await use(Object.fromEntries(mine.map(([name, key]) => [name.slice(CREDENTIAL.length), key!])))
  }, { scope: 'worker' }],
  asPrincipal: async ({ principals, target }, use) => {
    await use((name) => {
      test.skip(principals[name] === undefined,
        `not run: principal "${name}" exists only on the mock auth service (target "${target.name}" has no MOCK_KEY_${name.toUpperCase().replace(/-/g, '_')})`)
      return { auth: 'valid', credential: CREDENTIAL + name }
    })
  },
})
