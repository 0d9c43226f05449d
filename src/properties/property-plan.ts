import fc from 'fast-check'
import type { Case } from '../cases/case.js'
import type { Exchange } from '../cases/exchange.js'
import { generatedCase } from '../cases/generated-case.js'
import { firstScheme } from '../cases/positive.js'
import { caseTitle, opTags } from '../cases/titles.js'
import type { Contract, Operation } from '../contract/contract.js'
import { negativeArbitrary } from '../generation/negative-arbitrary.js'
import { exampleRequests, requestArbitrary, type GeneratedRequest } from '../generation/request-arbitrary.js'
import type { Judged } from './run-property.js'
import { chainTitle, runSequence, type SequenceInput } from './sequence.js'
import { statefulChains } from './stateful.js'

export type PropertyKind = 'valid' | 'invalid' | 'unauthenticated' | 'stateful'
export const PROPERTY_KINDS: readonly PropertyKind[] = ['valid', 'invalid', 'unauthenticated', 'stateful']

export type Send = (c: Case) => Promise<Exchange>
export type Judge = (x: Exchange) => Judged

/** One Playwright test's worth of generated inputs: an operation × kind, or one resource's life. */
export interface PropertyTest {
  id: string
  title: string
  kind: PropertyKind
  operation: Operation
  /** every operation the test sends to (a chain has several) */
  operations: Operation[]
  mutates: boolean
  tags: string[]
  arbitrary: fc.Arbitrary<unknown>
  examples: unknown[]
  /** inputs for this test out of the configured runs: a chain sends five requests per input, an auth probe needs few */
  runs(configured: number): number
  /** sends one input (one or more requests) and judges what came back; the last exchange is the one shown */
  execute(input: unknown, send: Send, judge: Judge): Promise<Judged>
  /** the input as the failure shows it, named by what it breaks */
  describe(input: unknown): string
}

const show = (r: GeneratedRequest) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0))))

/**
 * The property tests a contract gets: for every operation, valid inputs (examples first), invalid
 * inputs (one broken constraint each) and, when it is secured, inputs without credentials; for every
 * create → item chain, its resources' life. Operations with nothing to generate are left out.
 */
export function propertyTests(contract: Contract, kinds: readonly PropertyKind[] = PROPERTY_KINDS): PropertyTest[] {
  const out: PropertyTest[] = []
  const want = new Set(kinds)
  for (const op of contract.operations) {
    const base = { operation: op, operations: [op], mutates: !op.safe, tags: [...opTags(op), '@property'] }
    const single = (kind: 'generated' | 'negative' | 'unauthenticated', name: string) => async (input: GeneratedRequest, send: Send, judge: Judge) => judge(await send(generatedCase(contract, op, input, kind, name)))
    if (want.has('valid')) {
      const name = 'generated: valid inputs'
      const run = single('generated', name)
      out.push({ ...base, id: `${op.id}:valid`, title: caseTitle(op, name), kind: 'valid', arbitrary: requestArbitrary(contract, op), examples: exampleRequests(op), runs: (n) => n, execute: (i, s, j) => run(i as GeneratedRequest, s, j), describe: (i) => show(i as GeneratedRequest) })
    }
    const negative = want.has('invalid') ? negativeArbitrary(contract, op) : undefined
    if (negative) {
      const name = 'generated: invalid inputs'
      out.push({
        ...base, id: `${op.id}:invalid`, title: caseTitle(op, name), kind: 'invalid', arbitrary: negative, examples: [], runs: (n) => n,
        execute: (i, send, judge) => {
          const { input, violation } = i as { input: GeneratedRequest; violation: string }
          return single('negative', `invalid input: ${violation}`)(input, send, judge)
        },
        describe: (i) => { const { input, violation } = i as { input: GeneratedRequest; violation: string }; return `${show(input)} (violates: ${violation})` },
      })
    }
    if (want.has('unauthenticated') && firstScheme(contract, op) !== undefined) {
      const name = 'generated: without credentials'
      const run = single('unauthenticated', name)
      out.push({ ...base, id: `${op.id}:unauthenticated`, title: caseTitle(op, name), kind: 'unauthenticated', arbitrary: requestArbitrary(contract, op), examples: exampleRequests(op).slice(0, 1), runs: (n) => Math.min(n, 5), execute: (i, s, j) => run(i as GeneratedRequest, s, j), describe: (i) => show(i as GeneratedRequest) })
    }
  }
  if (want.has('stateful')) {
    for (const chain of statefulChains(contract)) {
      const itemOp = chain.item.read ?? chain.item.remove ?? chain.item.update!
      const arbitrary = fc.record({
        create: requestArbitrary(contract, chain.create),
        item: requestArbitrary(contract, itemOp),
        ...(chain.item.update ? { update: requestArbitrary(contract, chain.item.update) } : {}),
      }) as fc.Arbitrary<SequenceInput>
      const operations = [chain.create, ...Object.values(chain.item).filter((o): o is Operation => o !== undefined)]
      out.push({
        id: `${chain.create.id}:stateful`, title: caseTitle(chain.create, `stateful: ${chainTitle(chain)}`), kind: 'stateful', operation: chain.create, operations,
        mutates: true, tags: [...opTags(chain.create), '@property', '@stateful'], arbitrary, examples: [],
        runs: (n) => Math.max(3, Math.ceil(n / 5)),
        execute: (i, send, judge) => runSequence(contract, chain, i as SequenceInput, send, judge),
        // the item path's id is the created one, whatever was generated for it
        describe: (i) => { const s = i as SequenceInput; return `create ${show(s.create)}${s.update ? `, update ${show({ ...s.update, path: {} })}` : ''}` },
      })
    }
  }
  return out
}
