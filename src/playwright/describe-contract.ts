import type { Case } from '../cases/case.js'
import { generateCases } from '../cases/generate-cases.js'
import { missingCredentials } from '../targets/preflight.js'
import { contractFor } from './contract-runtime.js'
import { describeProperties, type PropertyOptions } from './describe-properties.js'
import { describeDeployedRouting } from './describe-routing.js'
import { expect, test } from './fixtures.js'
import { registerInGroups } from './test-groups.js'

export interface DescribeContractOptions {
  /** the generated tests (valid, invalid, without credentials, stateful); `false`: only the document's examples and probes */
  properties?: PropertyOptions | false
}

/**
 * Registers one Playwright test per case built from the document (examples, auth and routing probes)
 * and the property tests generated from its schemas, at collection time: new operations get tests without code.
 */
export function describeContract(file: string, options: DescribeContractOptions = {}): void {
  const contract = loadOrExplain(file)
  const { cases, untestable } = generateCases(contract)
  registerInGroups(cases, (c) => registerCase(file, contract.title, c))
  registerInGroups(untestable, (u) => {
    const annotation = [{ type: 'untestable', description: `${u.pointer}: ${u.reason}` }, { type: 'cw-operation', description: `${file}#${u.operationId}` }]
    test(u.title, { annotation }, () => {
      test.skip(true, `untestable: ${u.reason}`)
    })
  })
  describeDeployedRouting(file)
  if (options.properties !== false) describeProperties(file, options.properties)
}

function registerCase(file: string, contractTitle: string, c: Case): void {
  const annotation = [{ type: 'case', description: c.id }, ...(c.operationId ? [{ type: 'cw-operation', description: `${file}#${c.operationId}` }] : [])]
  test(c.title, { tag: c.tags, annotation }, async ({ sendCase, target }) => {
    test.skip(target.unconfigured.includes(contractTitle), `not run: ${contractTitle} is not configured for target "${target.name}"`)
    test.skip(c.mutates && target.readOnly && !target.allowMutations, 'not run: read-only target')
    const missing = missingCredentials(contractFor(file), target, c)
    test.skip(missing.length > 0, `not run: ${missing.join(', ')} not set (the credential this operation needs)`)
    const x = await sendCase(file, c)
    expect(x).toMatchContract()
  })
}

// A contract that cannot be loaded is one line at collection, not a stack trace through this file.
function loadOrExplain(file: string) {
  try {
    return contractFor(file)
  } catch (error) {
    if (error instanceof Error && /^contractwright: /.test(error.message)) error.stack = error.message
    throw error
  }
}
