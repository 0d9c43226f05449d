import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchesClause, parseFilter } from './search-filter.js'

const rows: [string, { given: string; want: unknown }][] = [
  ['equality with single quotes', { given: "name='m'", want: [{ key: 'name', op: '=', value: 'm' }] }],
  ['backticked tag key and AND', { given: 'tags.`my key` = "v" and metrics.loss <= 0.5', want: [{ key: 'tags.my key', op: '=', value: 'v' }, { key: 'metrics.loss', op: '<=', value: 0.5 }] }],
  ['LIKE is case-insensitive as a keyword', { given: "name like 'a%'", want: [{ key: 'name', op: 'LIKE', value: 'a%' }] }],
  ['empty filter', { given: '  ', want: [] }],
]
for (const [title, { given, want }] of rows) test(`search filter › parse › ${title}`, () => assert.deepEqual(parseFilter(given), want))

test('search filter › unparseable clause › INVALID_PARAMETER_VALUE naming the clause', () => {
  assert.throws(() => parseFilter("name = 'a' AND oops"), (e: { errorCode: string; message: string }) =>
    e.errorCode === 'INVALID_PARAMETER_VALUE' && e.message.includes("'oops'"))
})

test('search filter › matching › LIKE wildcards, ILIKE case, numbers, missing attribute', () => {
  assert.equal(matchesClause('abc-model', { key: 'name', op: 'LIKE', value: '%-mod_l' }), true)
  assert.equal(matchesClause('ABC', { key: 'name', op: 'LIKE', value: 'abc' }), false)
  assert.equal(matchesClause('ABC', { key: 'name', op: 'ILIKE', value: 'abc' }), true)
  assert.equal(matchesClause('a.b', { key: 'name', op: 'LIKE', value: 'a_b' }), true)
  assert.equal(matchesClause('axb', { key: 'name', op: 'LIKE', value: 'a.b' }), false, 'regex characters are literal')
  assert.equal(matchesClause(0.3, { key: 'metrics.loss', op: '<', value: 0.5 }), true)
  assert.equal(matchesClause(undefined, { key: 'tags.x', op: '!=', value: 'v' }), false)
})
