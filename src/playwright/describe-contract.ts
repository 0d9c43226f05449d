import type { Case } from '../cases/case.js'
import { generateCases } from '../cases/generate-cases.js'
import { missingCredentials } from '../targets/preflight.js'
import { contractFor } from './contract-runtime.js'
import { describeProperties, type PropertyOptions } from './describe-properties.js'
import { describeDeployedRouting } from './describe-routing.js'
import { expect, test } from './fixtures.js'

const MAX_GROUPS = 64

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
  // Cases run in at most MAX_GROUPS anonymous groups, each in order in one worker. In fully parallel
  // mode every test is its own group, and a worker clones and re-hashes the whole file for each group
  // it runs, so the cost grew with (cases)²: 3.4 s of the worker's 32 s at 1,113 cases (BENCHMARKS.md).
  // A fixed number of groups keeps it linear and still spreads over 64 workers or shards. Anonymous
  // groups leave test titles as they were.
  for (const group of chunks(cases, Math.ceil(cases.length / MAX_GROUPS))) {
    test.describe(() => {
      test.describe.configure({ mode: 'default' })
      for (const c of group) registerCase(file, contract.title, c)
    })
  }
  for (const u of untestable) {
    const annotation = [{ type: 'untestable', description: `${u.pointer}: ${u.reason}` }, { type: 'cw-operation', description: `${file}#${u.operationId}` }]
    test(u.title, { annotation }, () => {
      test.skip(true, `untestable: ${u.reason}`)
    })
  }
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
