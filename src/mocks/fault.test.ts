import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { defineFault, type FaultInput } from './fault.js'

const base: FaultInput = {
  name: 'alb-shadow-mlflow',
  incident: 'misrouted',
  summary: 'Rule /api* ahead of /api/mlflow/*.',
  routing: 'historical-api-first',
  expect: { scope: /@routing/, failing: /@routing/, message: /misrouted/ },
}

test('a valid fault is frozen, with empty defaults for what it does not change', () => {
  const fault = defineFault(base)
  assert.equal(fault.routing, 'historical-api-first')
  assert.deepEqual(fault.down, [])
  assert.deepEqual(fault.settings, {})
  assert.deepEqual(fault.handlers, {})
  assert.ok(Object.isFrozen(fault))
})

test('handlers and settings are kept per service', () => {
  const handler = http.get('*/x', () => HttpResponse.json({}))
  const fault = defineFault({ ...base, routing: undefined, settings: { api: { servingRoutes: false } }, handlers: { api: [handler] } })
  assert.deepEqual(fault.settings, { api: { servingRoutes: false } })
  assert.equal(fault.handlers.api?.[0], handler)
})

const invalid: [string, { given: Partial<FaultInput>; want: RegExp }][] = [
  ['name not kebab-case', { given: { name: 'AlbShadow' }, want: /name must be kebab-case/ }],
  ['incident not kebab-case', { given: { incident: 'Misrouted' }, want: /incident must be/ }],
  ['empty summary', { given: { summary: ' ' }, want: /summary/ }],
  ['no expectation', { given: { expect: { scope: /x/, failing: undefined as unknown as RegExp, message: /x/ } }, want: /expect.failing/ }],
  ['message not a RegExp', { given: { expect: { scope: /x/, failing: /x/, message: 'x' as unknown as RegExp } }, want: /expect.message/ }],
  ['changes nothing', { given: { routing: undefined }, want: /changes nothing/ }],
]
for (const [title, { given, want }] of invalid) {
  test(`invalid: ${title}`, () => {
    assert.throws(() => defineFault({ ...base, ...given }), (error: Error) => {
      assert.match(error.message, /^contractwright: fault "/)
      assert.match(error.message, want)
      return true
    })
  })
}
