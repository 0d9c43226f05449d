import { generateCases } from '../cases/generate-cases.js'
import { contractFor } from './contract-runtime.js'
import { expect, test } from './fixtures.js'

/** Registers one Playwright test per generated case, at collection time: new operations get tests without code. */
export function describeContract(file: string): void {
  const contract = contractFor(file)
  const { cases, untestable } = generateCases(contract)
  for (const c of cases) {
    const annotation = [{ type: 'case', description: c.id }, ...(c.operationId ? [{ type: 'cw-operation', description: `${file}#${c.operationId}` }] : [])]
    test(c.title, { tag: c.tags, annotation }, async ({ sendCase, target }) => {
      test.skip(target.unconfigured.includes(contract.title), `not run: ${contract.title} is not configured for target "${target.name}"`)
      test.skip(c.mutates && target.readOnly && !target.allowMutations, 'not run: read-only target')
      const x = await sendCase(file, c)
      expect(x).toMatchContract()
    })
  }
  for (const u of untestable) {
    const annotation = [{ type: 'untestable', description: `${u.pointer}: ${u.reason}` }, { type: 'cw-operation', description: `${file}#${u.operationId}` }]
    test(u.title, { annotation }, () => {
      test.skip(true, `untestable: ${u.reason}`)
    })
  }
}
