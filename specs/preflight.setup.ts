import { test } from '../src/index.js'
import { networkErrorReason } from '../src/targets/network-error.js'

const TIMEOUT_MS = 5_000

// One check per host, within seconds: an unreachable target fails here once, and the suites that
// depend on this project do not run, instead of failing by the hundred.
test.describe.configure({ mode: 'parallel' })
for (const host of ['api', 'registry', 'auth', 'catalog']) {
  test(`preflight › ${host} host answers`, async ({ target }) => {
    const base = target.baseUrls[host]
    test.skip(base === undefined, `no ${host} host in this target`)
    const problem = await fetch(base!, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(() => undefined, (error: unknown) => networkErrorReason(error, TIMEOUT_MS))
    if (problem) {
      const message = `contractwright: cannot reach ${target.hostVariables[host]}=${base}: ${problem} (preflight)`
      throw Object.assign(new Error(message), { stack: message })
    }
  })
}
