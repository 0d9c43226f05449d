import { test as base, type ContractTestFixtures } from '../../src/index.js'
import { MOCK_PRINCIPAL } from '../../src/targets/mock-principals.js'

export { expect } from '../../src/index.js'
export type SendInput = NonNullable<Parameters<ContractTestFixtures['send']>[1]>

export interface ScenarioTestFixtures {
  /** Send input that authenticates as a mock principal; skips the test, with the reason, off the mock. */
  asPrincipal: (name: string) => SendInput
}

// Test-scoped only: a worker-scoped fixture here would give these specs a worker of their own, apart
// from the generated cases' (Playwright starts one per set of worker fixtures). The principals' keys
// are credentials of the mock target itself (src/targets/mock-principals.ts), so `send` places one in
// the operation's first scheme exactly like HOKUSAI_API_KEY, masked like it, and the case stays positive.
export const test = base.extend<ScenarioTestFixtures>({
  asPrincipal: [async ({ target }, use) => {
    await use((name) => {
      test.skip(target.credentials[MOCK_PRINCIPAL + name] === undefined,
        `not run: principal "${name}" exists only on the mock auth service (target "${target.name}" has no MOCK_KEY_${name.toUpperCase().replace(/-/g, '_')})`)
      return { auth: 'valid', credential: MOCK_PRINCIPAL + name }
    })
  }, { box: 'self' }],
})
