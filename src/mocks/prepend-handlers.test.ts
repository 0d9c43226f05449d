import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { downService, ServiceDownError } from './down-service.js'
import { prependHandlers } from './prepend-handlers.js'
import { serviceFromHandlers } from './service.js'

const healthy = serviceFromHandlers('api', [
  http.post('*/echo', async ({ request }) => HttpResponse.json(await request.json())),
], () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 }))

test('a prepended handler answers first; the healthy service answers the rest, body intact', async () => {
  const faulty = prependHandlers(healthy, [http.get('*/info', () => HttpResponse.json({ drift: true }))])
  assert.deepEqual(await (await faulty.handle(new Request('http://a/info'))).json(), { drift: true })
  const echoed = await faulty.handle(new Request('http://a/echo', { method: 'POST', body: '{"x":1}' }))
  assert.deepEqual(await echoed.json(), { x: 1 })
  // the healthy service is untouched
  assert.equal((await healthy.handle(new Request('http://a/info'))).status, 404)
})

test('no handlers → the same service', () => assert.equal(prependHandlers(healthy, []), healthy))

test('a down service rejects like a refused connection', async () => {
  await assert.rejects(downService('mlflow').handle(new Request('http://a/')), (error: unknown) =>
    error instanceof ServiceDownError && error.service === 'mlflow')
})
