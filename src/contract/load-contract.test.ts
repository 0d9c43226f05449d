import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { loadContract } from './load-contract.js'
import { compileSchemas } from './compile-schemas.js'
import { ContractError } from '../errors.js'

const tiny = 'test/fixtures/tiny/openapi.yaml'

test('operations are read through file $refs, with the file#pointer they live at', () => {
  const contract = loadContract(tiny)
  assert.deepEqual(contract.operations.map((o) => `${o.method} ${o.path} ${o.id}`), [
    'GET /health getHealth', 'GET /pets/{pet_id} getPet', 'POST /pets createPet',
  ])
  const getPet = contract.operations[1]!
  assert.equal(getPet.pointer, 'test/fixtures/tiny/paths/pets.yaml#/~1pets~1{pet_id}/get')
  assert.deepEqual(getPet.parameters[0]!.examples, { rex: 1, unknown: 999 })
  assert.deepEqual(getPet.security, [{ bearerAuth: [] }, { apiKeyHeader: [] }]) // inherited from the root
  assert.deepEqual(contract.operations[0]!.security, [])
  assert.equal(contract.operations[2]!.safe, false)
  assert.deepEqual(contract.hosts, ['pets'])
})

test('schemas validate across files and report JSON pointers into the body', () => {
  const contract = loadContract(tiny)
  const schemas = compileSchemas(contract.documents)
  const pet = contract.operations[1]!.responses[0]!.content[0]!.schema!
  assert.deepEqual(schemas.validate(pet, { id: 1, name: 'Rex' }), [])
  assert.deepEqual(schemas.validate(pet, { id: '1', name: 'Rex' }).map((e) => e.instancePath), ['/id'])
  assert.equal(schemas.validator(pet), schemas.validator(pet), 'validators are memoised')
})

function contractWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-contract-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return join(dir, 'openapi.yaml')
}

test('bad contracts fail with the file, the pointer and the problem', () => {
  const unresolved = contractWith({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a: { $ref: "./missing.yaml#/~1a" }\n' })
  assert.throws(() => loadContract(unresolved), (e: unknown) => e instanceof ContractError && e.pointer === '/paths/~1a'
    && /openapi\.yaml#\/paths\/~1a: \$ref to .*missing\.yaml: cannot read the file \(ENOENT\)$/.test(e.message))
  const badRef = contractWith({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a: { $ref: "#/nowhere" }\n' })
  assert.throws(() => loadContract(badRef), (e: unknown) => e instanceof ContractError && e.pointer === '/paths/~1a' && /does not resolve/.test(e.message))
  const platform = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-services: { s: { description: s } }\npaths:\n  /a:\n    get: { responses: {} }\n'
  assert.throws(() => loadContract(contractWith({ 'openapi.yaml': platform })), /#\/paths\/~1a\/get: missing operationId[\s\S]*missing x-service/)
  const unknown = contractWith({ 'openapi.yaml': 'openapi: 4.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n' })
  assert.throws(() => loadContract(unknown), /openapi\.yaml#\/openapi: unknown OpenAPI version "4\.0\.0"; contractwright reads OpenAPI 3\.0\.x, 3\.1\.x, 3\.2\.x and Swagger 2\.0$/)
  const yaml = contractWith({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: [\n' })
  assert.throws(() => loadContract(yaml), /invalid YAML at line/)
})

test('a plain document needs neither operationId nor x-service: one service named after its title', () => {
  const plain = loadContract(contractWith({ 'openapi.yaml': 'openapi: 3.0.3\ninfo: {title: My Shop API, version: "1"}\npaths:\n  /a:\n    get: { responses: { "200": { description: ok } } }\n' }))
  assert.deepEqual(plain.operations.map((o) => [o.id, o.service, o.hosts]), [['GET /a', 'my-shop-api', ['default']]])
})
