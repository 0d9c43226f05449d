import assert from 'node:assert/strict'
import { test } from 'node:test'
import { http, HttpResponse } from 'msw'
import { parseRoutingFile, pickRuleSet } from '../routing/index.js'
import { downService } from './down-service.js'
import { createLoadBalancer } from './load-balancer.js'
import { serviceFromHandlers } from './service.js'

const routing = parseRoutingFile(`
hosts: { api: api.example.test, other: other.example.test, lost: lost.example.test }
default: intended
rule-sets:
  intended:
    description: test rules
    source: this test
    listeners:
      - name: main
        hosts: [api.example.test]
        rules:
          - { priority: 10, paths: ['/svc/*'], target: svc }
          - { priority: 20, paths: ['/down/*'], target: gone }
          - { priority: 30, paths: ['/missing/*'], target: nowhere }
          - { priority: 40, paths: ['/bug/*'], target: buggy }
        default: { fixed-response: { status: 404, content-type: text/plain, body: Not Found } }
      - name: other
        hosts: [other.example.test]
        rules: []
        default: { target: svc }
`, 'inline-routing.yaml')
const ruleSet = pickRuleSet(routing)

const svc = serviceFromHandlers('svc', [
  http.all('*', ({ request }) => HttpResponse.json({ service: 'svc', path: new URL(request.url).pathname })),
], () => new Response(null, { status: 404 }))
const buggy = { name: 'buggy', handle: async () => { throw new Error('bug in the mock') } }
const balance = createLoadBalancer(ruleSet, { svc, gone: downService('gone'), buggy })
const request = (path: string) => new Request(`http://127.0.0.1:4010${path}`)

test('forwards by rule; the path, not the query string, decides', async () => {
  const response = await balance('api', request('/svc/a?x=/down/'))
  assert.deepEqual(await response.json(), { service: 'svc', path: '/svc/a' })
})

test('no rule → the listener fixed response, text/plain', async () => {
  const response = await balance('api', request('/elsewhere'))
  assert.equal(response.status, 404)
  assert.equal(response.headers.get('content-type'), 'text/plain')
  assert.equal(await response.text(), 'Not Found')
})

test('a listener default that forwards', async () => {
  assert.equal((await (await balance('other', request('/anything'))).json() as { service: string }).service, 'svc')
})

test('a down target, or a target with no service → 503 text/html like an ALB with no healthy target', async () => {
  for (const path of ['/down/x', '/missing/x']) {
    const response = await balance('api', request(path))
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('content-type'), 'text/html')
    assert.match(await response.text(), /503 Service Temporarily Unavailable/)
  }
})

test('a target that throws → 502 text/html naming the cause in x-mock-error', async () => {
  const response = await balance('api', request('/bug/x'))
  assert.equal(response.status, 502)
  assert.equal(response.headers.get('x-mock-error'), 'bug in the mock')
})

test('a host without a listener → 421; an unknown host name → a clear error', async () => {
  assert.equal((await balance('lost', request('/'))).status, 421)
  await assert.rejects(balance('nope', request('/')), /serves no host "nope" \(known: api, other, lost\)/)
})
