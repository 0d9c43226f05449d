import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compareExchange } from './compare-exchange.js'
import type { RecordedExchange } from './exchange.js'

const recorded = (response: unknown, status = 200, contentType = 'application/json'): RecordedExchange =>
  ({ title: 't', method: 'GET', path: '/x', headers: [], body: null, bodyType: null, status, contentType, response })
const fields = (d: ReturnType<typeof compareExchange>) => d.map((x) => x.field)

test('compare › the same status, media type and key set agree, whatever ids, timestamps and messages hold', () => {
  const want = recorded({ run: { info: { run_id: 'a', start_time: 1 } }, message: 'x' })
  assert.deepEqual(compareExchange(want, { status: 200, contentType: 'application/json; charset=utf-8', body: { run: { info: { run_id: 'b', start_time: 2 } }, message: 'y' } }), [])
})

test('compare › a wrong status is a difference', () => {
  assert.deepEqual(compareExchange(recorded({}), { status: 404, contentType: 'application/json', body: {} }), [{ field: 'status', expected: 200, actual: 404 }])
})

test('compare › an extra key is a difference (an empty tags: [] the server omits)', () => {
  const d = compareExchange(recorded({ model: { name: 'm' } }), { status: 200, contentType: 'application/json', body: { model: { name: 'm', tags: [] } } })
  assert.deepEqual(d, [{ field: 'key set', expected: [], actual: ['extra .model.tags'] }])
})

test('compare › a missing key inside array elements is a difference (union over elements)', () => {
  const d = compareExchange(recorded({ items: [{ a: 1 }, { a: 1, b: 2 }] }), { status: 200, contentType: 'application/json', body: { items: [{ a: 1 }] } })
  assert.deepEqual(d, [{ field: 'key set', expected: ['missing .items[].b'], actual: [] }])
})

test('compare › a wrong error_code is a difference; another error field is chosen by JSON pointer', () => {
  const want = recorded({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'a' }, 404)
  assert.deepEqual(fields(compareExchange(want, { status: 404, contentType: 'application/json', body: { error_code: 'NOT_FOUND', message: 'b' } })), ['error_code'])
  const nested = recorded({ error: { code: 'gone' } }, 404)
  const d = compareExchange(nested, { status: 404, contentType: 'application/json', body: { error: { code: 'other' } } }, { errorField: '/error/code' })
  assert.deepEqual(d, [{ field: '/error/code', expected: 'gone', actual: 'other' }])
})

test('compare › another media type is a difference; HTML bodies are compared by status and type only', () => {
  assert.deepEqual(fields(compareExchange(recorded({ a: 1 }), { status: 200, contentType: 'text/html', body: '<p>' })), ['content type'])
  assert.deepEqual(compareExchange(recorded('OK', 200, 'text/html; charset=utf-8'), { status: 200, contentType: 'text/html', body: 'other' }), [])
})

test('compare › ignored key paths leave the key set; stable keys compare values, sorted', () => {
  const want = recorded({ run: { inputs: {} }, tags: [{ key: 'a' }, { key: 'b' }] })
  const live = { status: 200, contentType: 'application/json', body: { run: {}, tags: [{ key: 'b' }, { key: 'a' }] } }
  assert.deepEqual(compareExchange(want, live, { ignorePaths: ['.run.inputs'], stableKeys: ['key'] }), [])
  const wrong = { ...live, body: { run: {}, tags: [{ key: 'b' }, { key: 'c' }] } }
  assert.deepEqual(fields(compareExchange(want, wrong, { ignorePaths: ['.run.inputs'], stableKeys: ['key'] })), ['value .tags[].key'])
})
