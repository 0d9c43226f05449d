import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { Case } from '../cases/case.js'
import { generatedCase } from '../cases/generated-case.js'
import { parseResponse, type Exchange } from '../cases/exchange.js'
import { builtinChecks } from '../checks/builtin-checks.js'
import { runChecks } from '../checks/run-checks.js'
import { compileSchemas } from '../contract/compile-schemas.js'
import { loadContract } from '../contract/load-contract.js'
import { negativeArbitrary } from '../generation/negative-arbitrary.js'
import { requestArbitrary } from '../generation/request-arbitrary.js'
import { propertyTests, type Judge, type PropertyTest } from './property-plan.js'
import { runPropertyTest } from './run-property-test.js'

// The pets API (test/fixtures/pets-server) in memory: the same document, one fault at a time.
const contract = loadContract('test/fixtures/plain/pets-fastify.json')
const schemas = compileSchemas(contract.documents)
const judge: Judge = (x) => {
  const o = runChecks(builtinChecks, x, { contract, schemas, fixedResponses: [] })
  return { exchange: x, errors: o.failures.filter((f) => f.severity !== 'warning'), warnings: o.failures.filter((f) => f.severity === 'warning'), answered: o.answered }
}

type Fault = '' | 'long-name-crash' | 'lost-create' | 'accepts-anything' | 'ignores-auth' | 'refuses-tag'
function petsApi(fault: Fault) {
  const pets = new Map<number, { id: number; name: string }>([[1, { id: 1, name: 'Rex' }]])
  let next = 2
  const calls: string[] = []
  const send = async (c: Case): Promise<Exchange> => {
    const { method, path, body, auth } = c.request
    calls.push(`${method} ${path}`)
    const reply = (status: number, value?: unknown) => ({ case: c, target: 'memory', request: { method, url: `http://pets${path}`, headers: {}, body: JSON.stringify(body) }, response: parseResponse(status, value === undefined ? {} : { 'content-type': 'application/json' }, value === undefined ? '' : JSON.stringify(value)), elapsedMs: 1 })
    const id = Number(/^\/pets\/(\d+)$/.exec(path)?.[1])
    const pet = body as { name?: unknown } | undefined
    const validBody = c.request.rawBody === undefined && schemas.validate(newPet, body).length === 0
    const secured = path.startsWith('/pets') && !(method === 'GET' && path === '/pets')
    if (secured && auth.length === 0 && fault !== 'ignores-auth') return reply(401, { message: 'unauthorized' })
    if (method === 'GET' && path === '/health') return reply(200, { status: 'ok' })
    if (method === 'GET' && path === '/pets' && fault === 'refuses-tag' && /[^a-z0-9]/i.test(c.request.query.tag ?? '')) return reply(400, { message: 'bad tag' })
    if (method === 'GET' && path === '/pets') return badQuery(c) ? reply(400, { message: 'bad query' }) : reply(200, [...pets.values()])
    if (method === 'POST' && path === '/pets') {
      if (!validBody && fault !== 'accepts-anything') return reply(400, { message: 'bad body' })
      const name = String((pet as { name?: unknown })?.name ?? 'x')
      if (fault === 'long-name-crash' && name.length > 3) return reply(500, { message: 'name buffer overflow' })
      const created = { id: next++, name }
      if (fault !== 'lost-create') pets.set(created.id, created)
      return reply(201, created)
    }
    if (Number.isNaN(id) || id < 1) return reply(400, { message: 'bad id' })
    if (method === 'PUT' && !validBody) return reply(400, { message: 'bad body' })
    const found = pets.get(id)
    if (!found) return reply(404, { message: 'pet not found' })
    if (method === 'DELETE') { pets.delete(id); return reply(204) }
    if (method === 'PUT') Object.assign(found, { name: (pet as { name: string }).name })
    return reply(200, found)
  }
  return { send, calls }
}

const listPets = contract.operations.find((o) => o.id === 'listPets')!
// query values arrive as text; a number-typed parameter is coerced first, as servers do
const badQuery = (c: Case) => listPets.parameters.some((p) => {
  const text = c.request.query[p.name]
  return text !== undefined && schemas.validate(p.schema!, /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text).length > 0
})
const newPet = contract.operations.find((o) => o.id === 'createPet')!.requestBody!.content[0]!.schema!
const byTitle = (end: string): PropertyTest => propertyTests(contract).find((t) => t.title.endsWith(end)) ?? assert.fail(`no test ending "${end}": ${propertyTests(contract).map((t) => t.title).join('; ')}`)
const settings = { seed: 42, runs: 50 }

test('a document gets valid / invalid / without-credentials tests per operation and one chain per created resource', () => {
  const titles = propertyTests(contract).map((t) => t.title.replace(/^[^›]+› /, ''))
  for (const t of ['GET /pets › generated: valid inputs', 'GET /pets › generated: invalid inputs', 'POST /pets › generated: without credentials', 'DELETE /pets/{petId} › generated: invalid inputs', 'POST /pets › stateful: POST /pets → GET, PUT, DELETE /pets/{petId}']) assert.ok(titles.includes(t), `${t} in ${titles.join('; ')}`)
  assert.ok(!titles.includes('GET /health › generated: without credentials'), 'an open operation has no credential test')
  assert.ok(!titles.includes('GET /health › generated: invalid inputs'), 'nothing to break: no invalid test')
})

test('generated path values are never empty, a dot segment or carry a "/"; invalid inputs break exactly what their label says', () => {
  const getPet = contract.operations.find((o) => o.id === 'getPet')!
  for (const r of fc.sample(requestArbitrary(contract, getPet), { seed: 3, numRuns: 200 })) assert.doesNotMatch(String(r.path.petId), /\/|^\.{0,2}$/)
  const createPet = contract.operations.find((o) => o.id === 'createPet')!
  const body = createPet.requestBody!.content[0]!.schema!
  const samples = fc.sample(negativeArbitrary(contract, createPet)!, { seed: 5, numRuns: 100 })
  const labels = new Set(samples.map((s) => s.violation.replace(/"[^"]*"/g, '…').split(':')[0]))
  assert.ok(labels.size >= 4, `kinds of violation: ${[...labels].join(', ')}`)
  for (const s of samples) {
    if (s.input.rawBody !== undefined) assert.throws(() => JSON.parse(s.input.rawBody!), SyntaxError, s.violation)
    else if (/body/.test(s.violation)) assert.notDeepEqual(schemas.validate(body, s.input.body), [], `${s.violation}: ${JSON.stringify(s.input.body)}`)
  }
})

test('a healthy API passes every generated test', async () => {
  for (const t of propertyTests(contract)) {
    const report = await runPropertyTest(t, petsApi('').send, judge, settings)
    if (report.failure) assert.fail(`${t.title}: ${JSON.stringify(report.failure.judged.errors)} for ${t.describe(report.failure.input)}`)
    assert.ok(report.tried >= t.runs(settings.runs) - 1, `${t.title}: ${report.tried} inputs`)
  }
})

test('a crash on a long name is shrunk to the shortest failing name, one signature for all its inputs, the same on replay', async () => {
  const t = byTitle('POST /pets › generated: valid inputs')
  const report = await runPropertyTest(t, petsApi('long-name-crash').send, judge, settings)
  assert.ok(report.failure, 'found')
  assert.equal((report.failure.input as { body: { name: string } }).body.name.length, 4)
  assert.deepEqual([...report.failure.judged.errors.map((f) => f.check)].sort(), ['not_a_server_error', 'status_code_conformance'])
  assert.deepEqual([...report.signatures.keys()].sort(), ['not_a_server_error 500', 'status_code_conformance 500'])
  const again = await runPropertyTest(t, petsApi('long-name-crash').send, judge, settings)
  assert.deepEqual(again.failure!.input, report.failure.input)
})

test('invalid input accepted, auth ignored and a created resource that cannot be read are each named by their check', async () => {
  const cases: Array<[string, Fault, string]> = [
    ['POST /pets › generated: invalid inputs', 'accepts-anything', 'negative_data_rejection'],
    ['POST /pets › generated: without credentials', 'ignores-auth', 'ignored_auth'],
    ['GET /pets › generated: valid inputs', 'refuses-tag', 'positive_data_acceptance'],
    ['POST /pets › stateful: POST /pets → GET, PUT, DELETE /pets/{petId}', 'lost-create', 'ensure_resource_availability'],
  ]
  for (const [title, fault, check] of cases) {
    const report = await runPropertyTest(byTitle(title), petsApi(fault).send, judge, settings)
    assert.ok(report.failure, `${fault} found by ${title}`)
    assert.ok(report.failure.judged.errors.some((f) => f.check === check), `${fault}: ${report.failure.judged.errors.map((f) => f.check).join(', ')}`)
    assert.equal((await runPropertyTest(byTitle(title), petsApi('').send, judge, settings)).failure, undefined, `${title} passes without the fault`)
  }
})

test('a resource chain cleans up what it created, also when a step failed; a network error ends the test with that error', async () => {
  const api = petsApi('')
  const chain = byTitle('POST /pets › stateful: POST /pets → GET, PUT, DELETE /pets/{petId}')
  await runPropertyTest(chain, api.send, judge, { seed: 1, runs: 5 })
  const creates = api.calls.filter((c) => c === 'POST /pets').length
  const deletes = api.calls.filter((c) => c.startsWith('DELETE /pets/')).length
  assert.ok(creates >= 3 && deletes >= creates, `${creates} created, ${deletes} deleted`)
  let sent = 0
  const unreachable = async () => { sent++; throw new Error('contractwright: cannot reach CONTRACT_BASE_URL=http://pets: connection refused') }
  await assert.rejects(runPropertyTest(byTitle('GET /pets › generated: valid inputs'), unreachable, judge, settings), /cannot reach CONTRACT_BASE_URL/)
  assert.equal(sent, 1, 'one refused connection, not one per input')
})

test('a documented response header that is required must be there and match its schema', () => {
  const hokusai = loadContract('contracts/hokusai/openapi.yaml')
  const hokusaiSchemas = compileSchemas(hokusai.documents)
  const upload = hokusai.operations.find((o) => o.id === 'uploadBenchmarkDataset')!
  const c = generatedCase(hokusai, upload, { path: { model_id: '21' }, query: {}, headers: {}, cookies: {} }, 'generated', 'valid inputs')
  const body = JSON.stringify({ detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] })
  const failing = (headers: Record<string, string>) => runChecks(builtinChecks, { case: c, target: 'memory', request: { method: 'POST', url: 'http://api/', headers: {}, body: undefined }, response: parseResponse(422, { 'content-type': 'application/json', ...headers }, body), elapsedMs: 1 }, { contract: hokusai, schemas: hokusaiSchemas, fixedResponses: [] })
    .failures.filter((f) => f.check === 'response_headers_conformance').map((f) => f.title)
  assert.deepEqual(failing({}), ['Required header missing'])
  assert.deepEqual(failing({ 'x-request-id': 'r-1' }), [])
})
