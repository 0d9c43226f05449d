import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { generatedCase } from '../../cases/generated-case.js'
import { parseResponse, type Exchange } from '../../cases/exchange.js'
import type { Case } from '../../cases/case.js'
import { contentTypeConformance } from '../../checks/content-type-conformance.js'
import { negativeDataRejection } from '../../checks/negative-data-rejection.js'
import { notAServerError } from '../../checks/not-a-server-error.js'
import { positiveDataAcceptance } from '../../checks/positive-data-acceptance.js'
import { responseHeadersConformance } from '../../checks/response-headers-conformance.js'
import { responseSchemaConformance } from '../../checks/response-schema-conformance.js'
import { runChecks } from '../../checks/run-checks.js'
import { statusCodeConformance } from '../../checks/status-code-conformance.js'
import { compileSchemas } from '../../contract/compile-schemas.js'
import type { Contract } from '../../contract/contract.js'
import { loadContract } from '../../contract/load-contract.js'
import { negativeArbitrary } from '../../generation/negative-arbitrary.js'
import { requestArbitrary } from '../../generation/request-arbitrary.js'
import { buildRequest } from '../../targets/build-request.js'
import type { Target } from '../../targets/target.js'
import { compileMock, type GeneratedMock, type MockRequest } from './generated-mock.js'
import { handlersFromContract } from './handlers.js'
import { serveGeneratedMock } from './serve.js'

const PETS = 'test/fixtures/plain/pets-fastify.json'
const KEY = 'cw-fidelity-key'
const BASE = 'http://mock.test'

function targetFor(contract: Contract): Target {
  const variables: Record<string, string> = {}
  const basic = (scheme: string) => contract.securitySchemes[scheme]?.scheme?.toLowerCase() === 'basic'
  for (const v of contract.variables) if (v.scheme) variables[v.name] = basic(v.scheme) ? `cw-user:${KEY}` : KEY
  const credentials = Object.fromEntries(contract.variables.filter((v) => v.credential).map((v) => [v.credential!, KEY]))
  return {
    name: 'mock', variables, credentials, secrets: [KEY], readOnly: false, allowMutations: true, timeoutMs: 5_000, files: [], unconfigured: [],
    baseUrls: Object.fromEntries([...contract.hosts, 'default'].map((h) => [h, BASE])), hostVariables: {},
  }
}

/** A case sent to the mock in-process, exactly as the wire request would carry it. */
function exchange(contract: Contract, mock: GeneratedMock, c: Case, extraHeaders: Record<string, string> = {}): Exchange {
  const wire = buildRequest(contract, targetFor(contract), c, () => 'u1')
  const headers = Object.fromEntries(Object.entries({ ...wire.headers, ...extraHeaders }).map(([k, v]) => [k.toLowerCase(), v]))
  const answer = mock.answer({ method: wire.method, url: new URL(wire.url), headers, body: wire.body === undefined ? undefined : Buffer.from(wire.body) })
  return { case: c, target: 'mock', request: wire, response: parseResponse(answer.status, answer.headers, answer.body?.toString('utf8') ?? ''), elapsedMs: 0 }
}

const CHECKS = [notAServerError, statusCodeConformance, positiveDataAcceptance, negativeDataRejection, contentTypeConformance, responseSchemaConformance, responseHeadersConformance]

/**
 * Fidelity: generated valid and invalid requests to every operation, and every documented status
 * asked for with `Prefer: code=`, each judged by the same checks the suite runs. 0 failures.
 */
function fidelity(file: string): { failures: string[]; exchanges: number } {
  const contract = loadContract(file)
  const mock = compileMock(contract, { seed: 7 })
  const deps = { contract, schemas: compileSchemas(contract.documents), fixedResponses: [] }
  const failures: string[] = []
  let exchanges = 0
  const judge = (x: Exchange, checks = CHECKS) => {
    exchanges++
    for (const f of runChecks(checks, x, deps).failures.filter((f) => f.severity !== 'warning')) {
      failures.push(`${x.case.id} ${x.request.method} ${x.request.url} → ${x.response.status}: ${f.check}: expected ${f.expected}, got ${f.actual} ${x.response.text.slice(0, 200)}`)
    }
  }
  for (const op of contract.operations) {
    for (const [i, input] of fc.sample(requestArbitrary(contract, op), { seed: 11, numRuns: 8 }).entries()) judge(exchange(contract, mock, generatedCase(contract, op, input, 'generated', `valid ${i}`)))
    const negative = negativeArbitrary(contract, op)
    if (negative) for (const n of fc.sample(negative, { seed: 11, numRuns: 8 })) judge(exchange(contract, mock, generatedCase(contract, op, n.input, 'negative', n.violation)))
    const valid = fc.sample(requestArbitrary(contract, op), { seed: 3, numRuns: 1 })[0]!
    for (const r of op.responses.filter((r) => /^\d{3}$/.test(r.status))) {
      const c = generatedCase(contract, op, valid, 'generated', `Prefer ${r.status}`)
      judge(exchange(contract, mock, c, { prefer: `code=${r.status}` }), CHECKS.filter((k) => k !== notAServerError && k !== positiveDataAcceptance))
    }
  }
  return { failures, exchanges }
}

for (const file of [PETS, 'test/fixtures/plain/fastapi-hokusai.json', 'test/fixtures/plain/split-3.0/openapi.yaml', 'test/fixtures/plain/petstore-swagger-2.0.json', 'test/fixtures/tiny/openapi.yaml', 'contracts/hokusai/openapi.yaml', 'contracts/gatewayz/openapi.yaml']) {
  test(`every response the generated mock serves for ${file} conforms to it`, () => {
    const { failures, exchanges } = fidelity(file)
    assert.ok(exchanges >= 3 * loadContract(file).operations.length, `${exchanges} exchanges`)
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} of ${exchanges} exchanges failed`)
  })
}

test('the fidelity judge fails on a mock that serves a body off the schema', () => {
  const contract = loadContract(PETS)
  const honest = compileMock(contract)
  const broken: GeneratedMock = { ...honest, answer: (req) => ({ ...honest.answer(req), body: Buffer.from('[{"id":"seven"}]') }) }
  const op = contract.operations.find((o) => o.id === 'listPets')!
  const x = exchange(contract, broken, generatedCase(contract, op, { path: {}, query: {}, headers: {}, cookies: {} }, 'generated', 'plain'))
  const failures = runChecks(CHECKS, x, { contract, schemas: compileSchemas(contract.documents), fixedResponses: [] }).failures
  assert.ok(failures.some((f) => f.check === 'response_schema_conformance'), JSON.stringify(failures))
})

const request = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown): MockRequest => ({
  method, url: new URL(path, BASE), headers, body: body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
})
const json = (body: Buffer | undefined) => JSON.parse(body?.toString('utf8') ?? 'null') as Record<string, unknown>

test('request validation: the problem names the parameter or pointer; unknown path 404, wrong method 405 with Allow', () => {
  const mock = compileMock(loadContract(PETS), { credentials: { bearer: 'right', api_key: 'right' } })
  const auth = { authorization: 'Bearer right', 'content-type': 'application/json' }
  const wrongType = mock.answer(request('POST', '/pets', auth, { name: 5 }))
  assert.equal(wrongType.status, 400)
  assert.deepEqual(json(wrongType.body).errors, [{ in: 'body', name: '/name', message: 'body at /name must be string' }])
  assert.match(String(json(mock.answer(request('POST', '/pets', auth, {})).body).detail), /name/)
  assert.match(String(json(mock.answer(request('POST', '/pets', auth, '{"name":')).body).detail), /JSON/i)
  assert.equal(mock.answer(request('POST', '/pets', { ...auth, 'content-type': 'text/plain' }, 'x')).status, 415)
  const badQuery = mock.answer(request('GET', '/pets?limit=0'))
  assert.equal(badQuery.status, 400)
  assert.match(String(json(badQuery.body).detail), /limit/)
  // a secured operation: missing and wrong credentials are the documented 401, the right one passes
  assert.equal(mock.answer(request('POST', '/pets', { 'content-type': 'application/json' }, { name: 'rex' })).status, 401)
  assert.equal(mock.answer(request('POST', '/pets', { authorization: 'Bearer wrong', 'content-type': 'application/json' }, { name: 'rex' })).status, 401)
  assert.equal(mock.answer(request('POST', '/pets', auth, { name: 'rex' })).status, 201)
  assert.equal(mock.answer(request('GET', '/pets/3', { 'x-api-key': 'right' })).status, 200)
  const unknown = mock.answer(request('GET', '/cats'))
  assert.equal(unknown.status, 404)
  assert.match(String(json(unknown.body).detail), /\/cats/)
  const wrongMethod = mock.answer(request('PATCH', '/pets'))
  assert.equal(wrongMethod.status, 405)
  assert.equal(wrongMethod.headers.allow, 'GET, POST')
})

test('Prefer picks the documented status and example; bodies are the same for the same seed and differ for another', () => {
  const contract = loadContract(PETS)
  const mock = compileMock(contract, { credentials: { api_key: 'k' } })
  const notFound = mock.answer(request('GET', '/pets/3', { 'x-api-key': 'k', prefer: 'code=404' }))
  assert.equal(notFound.status, 404)
  const undocumented = mock.answer(request('GET', '/pets/3', { 'x-api-key': 'k', prefer: 'code=418' }))
  assert.equal(undocumented.status, 400)
  assert.match(String(json(undocumented.body).detail), /418 is not a documented response of getPet/)
  const again = compileMock(contract, { credentials: { api_key: 'k' } }).answer(request('GET', '/pets'))
  assert.deepEqual(mock.answer(request('GET', '/pets')).body, again.body)
  assert.notDeepEqual(compileMock(contract, { seed: 2 }).answer(request('GET', '/pets')).body, again.body)
  assert.ok((json(again.body) as unknown as unknown[]).length > 0, 'a list shows items')
  const dynamic = [1, 2, 3].map(() => mock.answer(request('GET', '/pets', { prefer: 'dynamic=true' })).body?.toString())
  assert.equal(new Set(dynamic).size, 3)
})

test('a named example is served by Prefer: example=<name>', () => {
  const contract = loadContract('contracts/gatewayz/openapi.yaml')
  const op = contract.operations.find((o) => o.responses.some((r) => r.content.some((m) => Object.keys(m.examples).length > 1)))
  assert.ok(op, 'a response with two named examples')
  const media = op.responses.flatMap((r) => r.content.map((m) => ({ r, m }))).find(({ m }) => Object.keys(m.examples).length > 1)!
  const [, second] = Object.entries(media.m.examples)
  const mock = compileMock(contract)
  const x = exchange(contract, mock, generatedCase(contract, op, fc.sample(requestArbitrary(contract, op), { seed: 3, numRuns: 1 })[0]!, 'generated', 'example'), { prefer: `code=${media.r.status}, example=${second![0]}` })
  assert.equal(x.response.status, Number(media.r.status))
  assert.deepEqual(x.response.json, second![1])
})

test('--stateful: a created resource is read back, updated, deleted, then 404; without it every answer is the document\'s', () => {
  const contract = loadContract(PETS)
  const mock = compileMock(contract, { stateful: true })
  const auth = { authorization: 'Bearer any', 'x-api-key': 'any', 'content-type': 'application/json' }
  const created = mock.answer(request('POST', '/pets', auth, { name: 'rex', age: 3 }))
  assert.equal(created.status, 201)
  const pet = json(created.body)
  assert.equal(pet.name, 'rex')
  assert.equal(typeof pet.id, 'number')
  assert.deepEqual(json(mock.answer(request('GET', `/pets/${pet.id}`, auth)).body), pet)
  assert.ok((json(mock.answer(request('GET', '/pets')).body) as unknown as unknown[]).some((p) => (p as { id: unknown }).id === pet.id))
  assert.equal(json(mock.answer(request('PUT', `/pets/${pet.id}`, auth, { name: 'max' })).body).name, 'max')
  assert.equal(mock.answer(request('DELETE', `/pets/${pet.id}`, auth)).status, 204)
  assert.equal(mock.answer(request('GET', `/pets/${pet.id}`, auth)).status, 404)
  const stateless = compileMock(contract)
  assert.equal(stateless.answer(request('GET', '/pets/999999', auth)).status, 200)
})

test('over HTTP: keep-alive node:http server answers the same bytes as the compiled mock', async () => {
  const served = await serveGeneratedMock(PETS, { seed: 5 })
  try {
    const over = await fetch(`${served.baseUrl}/pets`)
    assert.equal(over.status, 200)
    assert.equal(over.headers.get('content-type'), 'application/json')
    assert.equal(await over.text(), compileMock(loadContract(PETS), { seed: 5 }).answer(request('GET', '/pets')).body?.toString())
    assert.equal((await fetch(`${served.baseUrl}/nope`)).status, 404)
  } finally {
    await served.close()
  }
})

test('MSW handlers from the same document; a handler placed in front overrides one operation', async () => {
  const base = 'http://pets.example/v1'
  const server = setupServer(
    http.get(`${base}/health`, () => HttpResponse.json({ status: 'overridden' })),
    ...handlersFromContract(PETS, { baseUrl: base, seed: 5 }),
  )
  server.listen({ onUnhandledRequest: 'error' })
  try {
    assert.deepEqual(await (await fetch(`${base}/health`)).json(), { status: 'overridden' })
    const list = await fetch(`${base}/pets`)
    assert.equal(await list.text(), compileMock(loadContract(PETS), { seed: 5 }).answer(request('GET', '/pets')).body?.toString())
    const bad = await fetch(`${base}/pets`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"name":5}' })
    assert.equal(bad.status, 400)
    assert.equal((await fetch(`${base}/unknown`)).status, 404)
  } finally {
    server.close()
  }
})
