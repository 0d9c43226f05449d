import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadContract } from '../contract/load-contract.js'
import { positiveCases } from './positive.js'

const gatewayz = loadContract('contracts/gatewayz/openapi.yaml')
const statusesOf = (operationId: string, name: string): string[] | undefined =>
  positiveCases(gatewayz, gatewayz.operations.find((o) => o.id === operationId)!).cases.find((c) => c.id.endsWith(`:${name}`))?.expect.statuses

test('positive cases › an example documented under several statuses accepts each (two server generations)', () => {
  assert.deepEqual(statusesOf('createChatCompletion', 'unknownModel'), ['400', '404'])
})

test('positive cases › an example documented under one status expects only that one', () => {
  assert.deepEqual(statusesOf('createChatCompletion', 'archRouter'), ['200'])
  assert.deepEqual(statusesOf('getModel', 'unknownModel'), ['404'])
})
