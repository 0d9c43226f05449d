import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { candidateHandlers } from './candidate-handlers.js'

const ok = () => HttpResponse.json({})
const handlers = [
  http.get('*/api/v1/models/:model_id/info', ok),
  http.post('*/api/v1/models/:model_id/predict', ok),
  http.all('*/api/mlflow/*', ok),
  http.get(/\/regex\/\d+$/, ok),
  http.get('*/files/:name?', ok), // path-to-regexp syntax beyond `:name` and `*`: always a candidate
]
const names = (method: string, url: string) =>
  candidateHandlers(handlers)(new Request(url, { method })).map((h) => h.info.header)

test('keeps, in order, every handler MSW could match: case-insensitive, trailing slash, any method for http.all', () => {
  assert.deepEqual(names('GET', 'http://h/API/V1/models/21/info/'), ['GET */api/v1/models/:model_id/info', 'GET /\\/regex\\/\\d+$/', 'GET */files/:name?'])
  assert.deepEqual(names('DELETE', 'http://h/api/mlflow/api/2.0/x'), ['/.+/ */api/mlflow/*'])
})

test('drops handlers whose method or literal path parts cannot match', () => {
  assert.deepEqual(names('POST', 'http://h/api/v1/models/21/info'), [])
  assert.deepEqual(names('GET', 'http://h/api/v1/models/21/predict'), ['GET /\\/regex\\/\\d+$/', 'GET */files/:name?'])
})

test('agrees with MSW itself on every request tried: no handler MSW would pick is dropped', async () => {
  const { getResponse } = await import('msw')
  const urls = ['http://h/api/v1/models/21/info', 'http://h/api/v1/models/21/INFO/', 'http://h/x/api/mlflow/y', 'http://h/regex/12', 'http://h/files/a', 'http://h/nothing']
  for (const url of urls) {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const request = new Request(url, { method })
      const all = await getResponse(handlers, request.clone())
      const some = await getResponse(candidateHandlers(handlers)(request), request.clone())
      assert.equal(some?.status, all?.status, `${method} ${url}`)
    }
  }
})
