import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadContract } from '../../contract/load-contract.js'
import { fastapiValidate, type FastapiVerdict } from './fastapi-errors.js'
import { compileMock } from './generated-mock.js'
import { buildRouteTable } from './route-table.js'

// an openapi.json as FastAPI wrote it (pydantic v2 models, `X | None` as anyOf with null)
const contract = loadContract('test/fixtures/plain/fastapi-hokusai.json')
const table = buildRouteTable(contract.operations)

function judge(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): FastapiVerdict {
  const url = new URL(path, 'http://api.test')
  const match = table.match(method, url.pathname)
  assert.ok(match.found, `${method} ${path}`)
  const raw = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
  return fastapiValidate(contract, match.op, { method, url, headers: { 'content-type': 'application/json', ...headers }, body: raw }, match.params)
}
const detail = (verdict: FastapiVerdict) => (verdict.ok ? [] : verdict.detail)

const spec = { model_id: '21', provider: 'hokusai', dataset_reference: 's3://d', eval_split: 'test', target_column: 'y', input_columns: ['x'], metric_name: 'accuracy', metric_direction: 'higher_is_better' }

test('a valid body passes with its value; optional `X | None` fields take null', () => {
  assert.deepEqual(judge('POST', '/api/v1/benchmarks', { ...spec, baseline_value: null }), { ok: true, body: { ...spec, baseline_value: null } })
  assert.equal(judge('POST', '/api/v1/models/21/predict', { inputs: {}, options: null }).ok, true)
})

test('body: missing fields in declaration order, enums, type errors, extra keys, each as pydantic v2 words', () => {
  const body = { provider: 'x', model_id: 5, dataset_reference: 's3://d', eval_split: 'test', target_column: 'y', input_columns: 'x', metric_name: 'accuracy', metric_direction: 'higher_is_better', baseline_value: 'high' }
  assert.deepEqual(detail(judge('POST', '/api/v1/benchmarks', body)), [
    { type: 'string_type', loc: ['body', 'model_id'], msg: 'Input should be a valid string', input: 5 },
    { type: 'enum', loc: ['body', 'provider'], msg: "Input should be 'hokusai' or 'kaggle'", input: 'x', ctx: { expected: "'hokusai' or 'kaggle'" } },
    { type: 'list_type', loc: ['body', 'input_columns'], msg: 'Input should be a valid list', input: 'x' },
    { type: 'float_type', loc: ['body', 'baseline_value'], msg: 'Input should be a valid number', input: 'high' },
  ])
  assert.deepEqual(detail(judge('POST', '/api/v1/benchmarks', { model_id: '21', provider: 'hokusai' })).slice(0, 2), [
    { type: 'missing', loc: ['body', 'dataset_reference'], msg: 'Field required', input: { model_id: '21', provider: 'hokusai' } },
    { type: 'missing', loc: ['body', 'eval_split'], msg: 'Field required', input: { model_id: '21', provider: 'hokusai' } },
  ])
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/contributions', { rows: [], extra: 1 })), [
    { type: 'too_short', loc: ['body', 'rows'], msg: 'List should have at least 1 item after validation, not 0', input: [], ctx: { field_type: 'List', min_length: 1, actual_length: 0 } },
    { type: 'extra_forbidden', loc: ['body', 'extra'], msg: 'Extra inputs are not permitted', input: 1 },
  ])
})

test('body: dicts and models that get something else; nested fields keep their path', () => {
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/predict', { inputs: [1], options: 'fast' })), [
    { type: 'dict_type', loc: ['body', 'inputs'], msg: 'Input should be a valid dictionary', input: [1] },
    { type: 'dict_type', loc: ['body', 'options'], msg: 'Input should be a valid dictionary', input: 'fast' },
  ])
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/evaluate', { config: { eval_type: '' } }, { 'idempotency-key': 'k' })), [
    { type: 'string_too_short', loc: ['body', 'config', 'eval_type'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
  ])
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/evaluate', { config: 'x' }, { 'idempotency-key': 'k' }))[0]?.type, 'model_attributes_type')
  assert.deepEqual(detail(judge('POST', '/models/tokenized-registration-events', { model_name: 'm', version: '1', token_id: 't', proposal_identifier: 'p', metric_name: 'a', baseline_value: 1, mlflow_run_id: 'r', tags: { a: 1 } })), [
    { type: 'string_type', loc: ['body', 'tags', 'a'], msg: 'Input should be a valid string', input: 1 },
  ])
  assert.deepEqual(detail(judge('POST', '/api/v1/outcomes', { inference_log_id: 'not-a-uuid', outcome_score: 2e6, outcome_type: 'click' })), [
    { type: 'uuid_parsing', loc: ['body', 'inference_log_id'], msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1', input: 'not-a-uuid', ctx: { error: 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1' } },
    { type: 'less_than_equal', loc: ['body', 'outcome_score'], msg: 'Input should be less than or equal to 1000000', input: 2e6, ctx: { le: 1000000 } },
  ])
})

test('body as FastAPI reads it: absent, not JSON, not an object, another content type', () => {
  const type = (verdict: FastapiVerdict) => detail(verdict).map((d) => [d.type, d.loc])
  assert.deepEqual(type(judge('POST', '/api/v1/models/21/predict')), [['missing', ['body']]])
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/predict', '{"inputs":')), [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }])
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/predict', '"text"')), [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: 'text' }])
  assert.deepEqual(type(judge('POST', '/api/v1/models/21/predict', 'inputs=1', { 'content-type': 'application/x-www-form-urlencoded' })), [['model_attributes_type', ['body']]])
  assert.deepEqual(type(judge('PATCH', '/models/m/1', [])), [['dict_type', ['body']]])
})

test('parameters: missing, parsed from text in lax mode, bounded, UUIDs; path, query, header before the body', () => {
  assert.deepEqual(detail(judge('GET', '/models/compare?model1=a:1')), [{ type: 'missing', loc: ['query', 'model2'], msg: 'Field required', input: null }])
  assert.deepEqual(detail(judge('GET', '/api/v1/dataset-arrivals?limit=500')), [
    { type: 'less_than_equal', loc: ['query', 'limit'], msg: 'Input should be less than or equal to 200', input: '500', ctx: { le: 200 } },
  ])
  assert.deepEqual(detail(judge('GET', '/api/v1/dataset-arrivals?limit=abc')), [
    { type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
  ])
  assert.equal(judge('GET', '/api/v1/dataset-arrivals?limit=0&limit=+1_0').ok, true) // the last value, as Starlette keeps it
  assert.deepEqual(detail(judge('GET', '/api/v1/evaluations/zz/status')).map((d) => [d.type, d.loc, d.msg]), [
    ['uuid_parsing', ['path', 'job_id'], 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `z` at 1'],
  ])
  assert.equal(judge('GET', '/api/v1/evaluations/0123456789abcdef0123456789ABCDEF/status').ok, true) // pydantic takes the simple form
  assert.deepEqual(detail(judge('GET', '/api/v1/evaluations/0123-4/status'))[0]?.ctx, { error: 'invalid group count: expected 5, found 2' })
  assert.deepEqual(detail(judge('POST', '/api/v1/models/21/evaluate', { config: {} })).map((d) => d.loc), [['header', 'Idempotency-Key'], ['body', 'config', 'eval_type']])
})

test("the generated mock's errors: 'fastapi' answers FastAPI's 422 {detail} for what it refuses", () => {
  const mock = compileMock(contract, { errors: 'fastapi' })
  const answer = mock.answer({ method: 'GET', url: new URL('http://api.test/api/v1/dataset-arrivals?limit=0'), headers: {}, body: undefined })
  assert.equal(answer.status, 422)
  assert.equal(answer.headers['content-type'], 'application/json')
  assert.deepEqual(JSON.parse(answer.body!.toString()), { detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } }] })
  // without it: a body generated from HTTPValidationError, what was wrong only in a header
  const problem = compileMock(contract).answer({ method: 'GET', url: new URL('http://api.test/api/v1/dataset-arrivals?limit=0'), headers: {}, body: undefined })
  assert.equal(problem.headers['x-contractwright-problem'], 'query parameter "limit" must be >= 1 (got 0)')
})
