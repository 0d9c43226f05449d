import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContract } from '../../src/contract/load-contract.js'
import { compileSchemas } from '../../src/contract/compile-schemas.js'
import { validateExamples } from '../../src/contract/validate-examples.js'
import { generateCases } from '../../src/cases/generate-cases.js'

const CONTRACTS = ['contracts/hokusai/openapi.yaml', 'contracts/gatewayz/openapi.yaml']

for (const file of CONTRACTS) {
  test(`${file}: every $ref resolves, every schema compiles, every example conforms`, () => {
    const contract = loadContract(file) // throws, naming file and pointer, on an unresolved $ref
    const schemas = compileSchemas(contract.documents)
    for (const op of contract.operations) {
      for (const r of op.responses) for (const m of r.content) if (m.schema) schemas.validator(m.schema)
      for (const m of op.requestBody?.content ?? []) if (m.schema) schemas.validator(m.schema)
      for (const p of op.parameters) if (p.schema) schemas.validator(p.schema)
    }
    const problems = validateExamples(contract, schemas)
    assert.deepEqual(problems.map((p) => `${p.operationId}: ${p.example} at ${p.where}: ${p.message}`), [])
  })

  test(`${file}: every operation has a usable example (no untestable operation)`, () => {
    const { untestable } = generateCases(loadContract(file))
    assert.deepEqual(untestable.map((u) => `${u.pointer}: untestable: ${u.reason}`), [])
  })
}

test('a drifted example is reported with the operation, the example and the JSON pointer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-broken-'))
  cpSync('test/fixtures/tiny', dir, { recursive: true })
  const paths = join(dir, 'paths/pets.yaml')
  writeFileSync(paths, readFileSync(paths, 'utf8').replace('rex: { value: { id: 1, name: Rex } }', 'rex: { value: { id: "1", name: Rex } }'))
  const contract = loadContract(join(dir, 'openapi.yaml'))
  const problems = validateExamples(contract, compileSchemas(contract.documents))
  assert.equal(problems.length, 1)
  assert.equal(problems[0]!.operationId, 'getPet')
  assert.match(problems[0]!.example, /200 response example "rex"/)
  assert.match(problems[0]!.message, /^\/id must be integer/)
})

test('a required parameter without an example gets a value generated from its schema, the same on every load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-broken-'))
  cpSync('test/fixtures/tiny', dir, { recursive: true })
  const paths = join(dir, 'paths/pets.yaml')
  writeFileSync(paths, readFileSync(paths, 'utf8').replace(/        examples:\n          rex: \{ value: 1 \}\n          unknown: \{ value: 999 \}\n/, ''))
  const load = () => generateCases(loadContract(join(dir, 'openapi.yaml')))
  const { cases, untestable } = load()
  assert.deepEqual(untestable, [])
  const positive = cases.find((c) => c.id === 'getPet:positive:default')!
  assert.match(positive.title, /200 or 404 conforms \(generated values\)$/)
  assert.match(positive.request.path, /^\/pets\/-?\d+$/)
  assert.equal(load().cases.find((c) => c.id === positive.id)!.request.path, positive.request.path)
})

test('a required parameter with neither an example nor a schema is reported as untestable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-broken-'))
  cpSync('test/fixtures/tiny', dir, { recursive: true })
  const paths = join(dir, 'paths/pets.yaml')
  writeFileSync(paths, readFileSync(paths, 'utf8').replace(/        schema: \{ type: integer \}\n        examples:\n          rex: \{ value: 1 \}\n          unknown: \{ value: 999 \}\n/, ''))
  const { untestable } = generateCases(loadContract(join(dir, 'openapi.yaml')))
  assert.deepEqual(untestable.map((u) => u.reason), ['no usable example for path parameter "pet_id" (and no schema to generate one from)'])
})
