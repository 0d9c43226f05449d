import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { generateCases } from '../../src/cases/generate-cases.js'
import { loadContract } from '../../src/contract/load-contract.js'
import { compileSchemas } from '../../src/contract/compile-schemas.js'
import { validateExamples } from '../../src/contract/validate-examples.js'
import { findShadowing, loadRoutingFile, pickRuleSet, toRoutedOperations } from '../../src/routing/index.js'
import { writeSyntheticContract } from './synthetic-contract.js'

const dir = mkdtempSync(join(tmpdir(), 'cw-synthetic-'))
after(() => rmSync(dir, { recursive: true, force: true }))

// The scale benchmark is only meaningful if the synthetic contract is one the engine fully accepts.
test('a synthetic contract of 30 operations loads, its examples conform, it routes, every operation gets cases', async () => {
  const file = writeSyntheticContract(30, dir)
  const contract = loadContract(file)
  assert.equal(contract.operations.length, 30)
  assert.deepEqual(validateExamples(contract, compileSchemas(contract.documents)), [])
  const routing = await loadRoutingFile(join(dir, 'routing.yaml'))
  assert.deepEqual(findShadowing(pickRuleSet(routing), toRoutedOperations(contract.operations)), [])
  const { cases, untestable } = generateCases(contract)
  assert.deepEqual(untestable, [])
  assert.equal(new Set(cases.map((c) => c.operationId).filter(Boolean)).size, 30)
})

test('an odd or tiny operation count is refused with the reason', () => {
  assert.throws(() => writeSyntheticContract(7, dir), /even integer ≥ 2, got 7/)
})
