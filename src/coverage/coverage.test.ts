import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadContract } from '../contract/load-contract.js'
import { computeCoverage, type CoverageObservation } from './coverage.js'
import { renderCoverage } from './render-coverage.js'

const file = 'test/fixtures/tiny/openapi.yaml'
const contract = loadContract(file)
const seen = (operationId: string, status: number, extra: Partial<CoverageObservation> = {}): CoverageObservation => ({
  operations: [`${file}#${operationId}`], exchanges: [{ contract: file, operationId, status }], heldBack: false, untestable: false, ...extra,
})

test('every selected operation exercised: 100%, and unseen declared statuses are listed, not failed', () => {
  const c = computeCoverage(file, contract, [seen('getHealth', 200), seen('getPet', 200), seen('getPet', 404), seen('createPet', 201)])
  assert.equal(c.ratio, 1)
  assert.deepEqual(c.operations.find((o) => o.operationId === 'getPet')!.neverSeen, ['401'])
  assert.equal(renderCoverage([c], 1).failing, false)
})

test('an operation whose tests ran no exchange fails the threshold and is named', () => {
  const skipped: CoverageObservation = { operations: [`${file}#createPet`], exchanges: [], heldBack: false, untestable: true }
  const c = computeCoverage(file, contract, [seen('getHealth', 200), seen('getPet', 200), skipped])
  assert.equal(c.operations.find((o) => o.operationId === 'createPet')!.state, 'untestable')
  const { text, failing } = renderCoverage([c], 1)
  assert.equal(failing, true)
  assert.match(text, /2\/3 operations \(66\.7%\) — below 100%/)
  assert.match(text, /untestable \(1\): createPet/)
})

test('operations held back by the read-only policy or filtered out are reported, not counted', () => {
  const held: CoverageObservation = { operations: [`${file}#createPet`], exchanges: [], heldBack: true, untestable: false }
  const c = computeCoverage(file, contract, [seen('getPet', 200), held])
  assert.equal(c.operations.find((o) => o.operationId === 'createPet')!.state, 'not run: read-only target')
  assert.equal(c.operations.find((o) => o.operationId === 'getHealth')!.state, 'not in this run')
  assert.equal(c.ratio, 1)
  assert.match(renderCoverage([c], 1).text, /not run: read-only target \(1\): createPet/)
})
