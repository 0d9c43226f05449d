import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../errors.js'
import { defineFault } from './fault.js'
import { selectFaults } from './select-faults.js'

const fault = (name: string, routing?: string) => defineFault({
  name, incident: 'misrouted', summary: 's', ...(routing === undefined ? { down: ['mlflow'] } : { routing }),
  expect: { scope: /@routing/, failing: /@routing/, message: /x/ },
})
const known = [fault('alb-v1-unrouted', 'v1-unrouted'), fault('alb-shadow-mlflow', 'historical-api-first'), fault('mlflow-down')]

test('empty or blank selection → no faults', () => {
  assert.deepEqual(selectFaults('', known), [])
  assert.deepEqual(selectFaults(' , ', known), [])
})

test('names are trimmed, deduplicated, kept in order', () => {
  assert.deepEqual(selectFaults(' mlflow-down ,alb-shadow-mlflow,mlflow-down', known).map((f) => f.name), ['mlflow-down', 'alb-shadow-mlflow'])
})

test('unknown name → ConfigError with the nearest name and the known list', () => {
  assert.throws(() => selectFaults('alb-shadow-mlfow', known), (error: unknown) => {
    assert.ok(error instanceof ConfigError)
    assert.deepEqual(error.missing, ['alb-shadow-mlfow'])
    assert.equal(error.message,
      'contractwright: unknown fault "alb-shadow-mlfow" in MOCK_FAULTS. Did you mean "alb-shadow-mlflow"?\n' +
      'Known faults: alb-v1-unrouted, alb-shadow-mlflow, mlflow-down (mocks/FAULTS.md)')
    return true
  })
})

test('a name far from every fault gets no suggestion', () => {
  assert.throws(() => selectFaults('everything', known), (error: Error) => !/Did you mean/.test(error.message))
})

test('two routing faults cannot be combined; every problem is listed at once', () => {
  assert.throws(() => selectFaults('alb-v1-unrouted,alb-shadow-mlflow,nope', known), (error: Error) => {
    assert.match(error.message, /2 problems in MOCK_FAULTS/)
    assert.match(error.message, /unknown fault "nope"/)
    assert.match(error.message, /"alb-v1-unrouted" and "alb-shadow-mlflow" both replace the routing rule set/)
    return true
  })
})
