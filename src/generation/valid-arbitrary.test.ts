import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { loadContract } from '../contract/load-contract.js'
import { compileSchemas } from '../contract/compile-schemas.js'
import { sampleValid, validArbitrary } from './valid-arbitrary.js'

// Every schema of these documents, generated 50 times each, must validate: the generator and Ajv agree.
for (const file of ['contracts/hokusai/openapi.yaml', 'contracts/gatewayz/openapi.yaml', 'test/fixtures/plain/fastapi-hokusai.json', 'test/fixtures/plain/pets-fastify.json', 'test/fixtures/plain/split-3.0/openapi.yaml']) {
  test(`generated values conform to every request and response schema of ${file}`, () => {
    const contract = loadContract(file)
    const schemas = compileSchemas(contract.documents)
    let checked = 0
    for (const op of contract.operations) {
      const places = [
        ...op.parameters.flatMap((p) => (p.schema ? [{ at: p.schema, direction: 'request' as const }] : [])),
        ...(op.requestBody?.content ?? []).flatMap((m) => (m.schema ? [{ at: m.schema, direction: 'request' as const }] : [])),
        ...op.responses.flatMap((r) => r.content.flatMap((m) => (m.schema ? [{ at: m.schema, direction: 'response' as const }] : []))),
      ]
      for (const { at, direction } of places) {
        const values = fc.sample(validArbitrary(contract.documents, schemas, at, direction), { seed: 7, numRuns: 50 })
        for (const v of values) {
          // the filter guarantees it; this pins that the filter is what Ajv says
          const errors = schemas.validate(at, v).filter((e) => e.keyword !== 'required')
          assert.deepEqual(errors, [], `${op.id} ${at.pointer}: ${JSON.stringify(v)}`)
        }
        checked++
      }
    }
    assert.ok(checked >= 4, `${checked} schemas`)
  })
}

test('readOnly properties are left out of requests, writeOnly out of responses; the same seed gives the same value', () => {
  const contract = loadContract('test/fixtures/plain/split-3.0/openapi.yaml')
  const schemas = compileSchemas(contract.documents)
  const item = contract.operations[0]!.responses[0]!.content[0]!.schema!
  assert.deepEqual(sampleValid(contract.documents, schemas, item, 'response', 3), sampleValid(contract.documents, schemas, item, 'response', 3))
  const values = fc.sample(validArbitrary(contract.documents, schemas, item, 'response'), { seed: 1, numRuns: 30 })
  assert.ok(values.some((v) => (v as { owner?: unknown }).owner === null), 'the nullable $ref target yields null sometimes')
})
