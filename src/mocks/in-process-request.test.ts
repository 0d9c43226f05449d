import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { InProcessRequest } from './in-process-request.js'
import { prependHandlers } from './prepend-handlers.js'
import { serviceFromHandlers } from './service.js'

// A service that shows what its handler saw: method, path parameter, a header, the body.
const echo = serviceFromHandlers('echo', [
  http.post('*/items/:id', async ({ request, params, cookies }) => HttpResponse.json({
    id: params.id, auth: request.headers.get('authorization'), cookies, body: await request.json(),
  })),
  http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id })),
], async (request) => HttpResponse.json({ fallback: true, body: await request.text() }, { status: 404 }))

const init = { method: 'POST', headers: { authorization: 'Bearer k', cookie: 'a=1', 'content-type': 'application/json' }, body: '{"x":[1,"é"]}' }

test('MSW handlers answer an in-process request exactly as they answer a Fetch Request', async () => {
  for (const [url, options] of [
    ['http://svc.internal/items/7', init],
    ['http://svc.internal/items/7', { method: 'GET' }],
    ['http://svc.internal/other', init], // the fallback still reads the body MSW was not given
  ] as const) {
    const viaFetch = await echo.handle(new Request(url, options))
    const inProcess = await echo.handle(new InProcessRequest(url, options))
    assert.equal(inProcess.status, viaFetch.status, url)
    assert.deepEqual(await inProcess.json(), await viaFetch.json(), url)
  }
})

test('a prepended handler answers first and the healthy service still gets the whole body', async () => {
  const faulty = prependHandlers(echo, [http.get('*/items/:id', () => HttpResponse.json({ drift: true }))])
  assert.deepEqual(await (await faulty.handle(new InProcessRequest('http://svc.internal/items/1'))).json(), { drift: true })
  const posted = await (await faulty.handle(new InProcessRequest('http://svc.internal/items/1', init))).json()
  assert.deepEqual(posted.body, { x: [1, 'é'] })
})

test('the body reads once, clones independently, and converts to a Fetch Request', async () => {
  const request = new InProcessRequest('http://svc.internal/items/1', init)
  const copy = request.clone()
  assert.equal(await request.text(), init.body)
  assert.equal(request.bodyUsed, true)
  await assert.rejects(request.text(), /body already used/)
  assert.throws(() => request.clone(), /body already used/)
  assert.deepEqual(new TextDecoder().decode(await copy.clone().arrayBuffer()), init.body)
  const fetchRequest = copy.toFetchRequest()
  assert.ok(fetchRequest instanceof Request)
  assert.equal(fetchRequest.method, 'POST')
  assert.equal(fetchRequest.headers.get('authorization'), 'Bearer k')
  assert.equal(await fetchRequest.text(), init.body)
})

test('like Fetch, it normalises the URL and method and refuses a body on GET', () => {
  const request = new InProcessRequest('http://SVC.internal/a b', { method: 'post', body: 'x' })
  assert.equal(request.url, 'http://svc.internal/a%20b')
  assert.equal(request.method, 'POST')
  assert.equal(request.headers.get('content-type'), 'text/plain;charset=UTF-8')
  assert.equal(new InProcessRequest('http://a/').body, null)
  assert.throws(() => new InProcessRequest('http://a/', { body: 'x' }), /GET request has no body/)
  assert.throws(() => new InProcessRequest('not a url'), TypeError)
  for (const method of ['CONNECT', 'trace', 'TRACK']) assert.throws(() => new InProcessRequest('http://a/', { method }), /HTTP method is unsupported/)
})
