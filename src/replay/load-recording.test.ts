import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseRecording } from './load-recording.js'
import { repairCutJson } from './truncated-body.js'

const har = (entry: unknown) => ({ log: { version: '1.2', entries: [entry] } })
const entry = {
  request: { method: 'post', url: 'http://h:1/api/x?a=1', headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Host', value: 'h' }, { name: 'X-Trace', value: '7' }], postData: { mimeType: 'application/json', text: '{"a":1}' } },
  response: { status: 201, headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: Buffer.from('{"id":"1"}').toString('base64'), encoding: 'base64' } },
}

test('recording › a HAR 1.2 entry becomes an exchange: path and query, resent headers, body, decoded JSON answer', () => {
  const [x] = parseRecording('r.har', har(entry)).exchanges
  assert.deepEqual(x, { title: 'POST /api/x?a=1', method: 'POST', path: '/api/x?a=1', headers: [['X-Trace', '7']], body: '{"a":1}', bodyType: 'application/json', status: 201, contentType: 'application/json', response: { id: '1' } })
})

test('recording › a bad field is named by file and JSON pointer', () => {
  assert.throws(() => parseRecording('r.har', har({ ...entry, request: { ...entry.request, url: 'not a url' } })), /^ContractError|r\.har#\/log\/entries\/0\/request\/url: "not a url" is not an absolute URL/)
  assert.throws(() => parseRecording('r.json', { exchanges: [{ method: 'GET', path: '/x', status: 'ok', contentType: 'text/html' }] }), /r\.json#\/exchanges\/0\/status: expected an integer HTTP status/)
  assert.throws(() => parseRecording('r.json', []), /r\.json#: expected an object with "exchanges"/)
})

test('recording › transcript bodies: "(none)" sends no Content-Type, "x…×N" is N times x, a cut body is repaired', () => {
  const { exchanges } = parseRecording('t.json', { exchanges: [
    { method: 'POST', path: '/a', request: '{"name":"x"}', requestContentType: '(none)', status: 200, contentType: 'application/json', response: {} },
    { method: 'POST', path: '/b', request: { key: 'k…×3', n: 'pre-n…×2' }, requestContentType: 'application/json', status: 400, contentType: 'application/json', response: {} },
    { method: 'POST', path: '/c', request: '{"run_id":"r","metrics":[{"key":"a"},{"key":"b…(40)', requestContentType: 'application/json', status: 200, contentType: 'application/json', response: {} },
  ] })
  assert.equal(exchanges[0]!.bodyType, null)
  assert.equal(exchanges[1]!.body, '{"key":"kkk","n":"pre-nn"}')
  assert.equal(exchanges[2]!.body, '{"run_id":"r","metrics":[{"key":"a"}]}')
  assert.equal(exchanges[2]!.omitted, 40)
})

test('recording › repairCutJson keeps complete elements only', () => {
  assert.equal(repairCutJson('{"a":[1,2,3'), '{"a":[1,2]}')
  assert.equal(repairCutJson('{"a":"x","b":"y…(9)'), '{"a":"x"}')
})

test('recording › a cut inside a nested object drops that whole element', () => {
  assert.equal(repairCutJson('{"run_id":"r","metrics":[{"key":"a","value":1},{"key":"b","value":2,"timest…(9)'), '{"run_id":"r","metrics":[{"key":"a","value":1}]}')
})

test('recording › a HAR title never shows a credential query value', () => {
  const [x] = parseRecording('r.har', har({ ...entry, request: { ...entry.request, url: 'http://h/api/x?token=abc&a=1' } })).exchanges
  assert.doesNotMatch(x!.title, /abc/)
  assert.equal(x!.path, '/api/x?token=abc&a=1', 'the request itself is resent as recorded')
})
