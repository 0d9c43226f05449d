import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { MockService } from '../../../src/mocks/service.js'
import { createApiService } from './create-api-service.js'
import type { ApiSettings } from './settings.js'
import { authStandIn, call, mlflowEcho } from './test-stand-ins.js'

const key = 'test-admin-key'
const api = (settings: Partial<ApiSettings> = {}, mlflow: MockService = mlflowEcho()) =>
  createApiService({ settings, auth: authStandIn(), mlflow })
type Echo = { method: string; url: string; path: string; query: [string, string][]; headers: Record<string, string>; body: string }
const echo = async (service: MockService, method: string, path: string, options: Parameters<typeof call>[3] = {}) =>
  (await call(service, method, path, { key, ...options })).json as Echo

describe('api mlflow proxy › path translation', () => {
  const rows: [string, { path: string; settings?: Partial<ApiSettings>; upstream: string }][] = [
    ['/api/mlflow mount', { path: '/api/mlflow/api/2.0/mlflow/experiments/get-by-name?experiment_name=foo', upstream: 'http://mlflow.hokusai-development.local:5000/api/2.0/mlflow/experiments/get-by-name?experiment_name=foo' }],
    ['/mlflow mount', { path: '/mlflow/api/2.0/mlflow/experiments/search?max_results=1', upstream: 'http://mlflow.hokusai-development.local:5000/api/2.0/mlflow/experiments/search?max_results=1' }],
    ['/api/2.0/mlflow keeps its prefix (intended)', { path: '/api/2.0/mlflow/experiments/search', upstream: 'http://mlflow.hokusai-development.local:5000/api/2.0/mlflow/experiments/search' }],
    ['/api/2.0/mlflow strips it with the §7 #5 bug', { path: '/api/2.0/mlflow/experiments/search', settings: { proxyStripsApi20Prefix: true }, upstream: 'http://mlflow.hokusai-development.local:5000/experiments/search' }],
    ['registry.hokus.ai base → ajax-api', { path: '/api/mlflow/api/2.0/mlflow-artifacts/artifacts/x', settings: { mlflowBaseUrl: 'https://registry.hokus.ai/mlflow' }, upstream: 'https://registry.hokus.ai/mlflow/ajax-api/2.0/mlflow-artifacts/artifacts/x' }],
    ['empty path → the UI root', { path: '/api/mlflow/', upstream: 'http://mlflow.hokusai-development.local:5000/' }],
  ]
  for (const [title, { path, settings, upstream }] of rows) {
    test(title, async () => assert.equal((await echo(api(settings), 'GET', path)).url, upstream))
  }
  test('/api/mlflow without the slash → 307', async () => {
    const response = await call(api(), 'GET', '/api/mlflow', { key })
    assert.equal(response.status, 307)
    assert.equal(response.headers.get('location'), 'https://api.hokus.ai/api/mlflow/')
  })
})

describe('api mlflow proxy › headers, query, body', () => {
  test('forwards every header but host and content-length, adds the two Hokusai headers', async () => {
    const seen = await echo(api(), 'POST', '/api/mlflow/api/2.0/mlflow/runs/create', { body: { experiment_id: '1' }, headers: { 'x-request-id': 'req-1', cookie: 'a=b' } })
    assert.equal(seen.headers.authorization, 'Bearer test-admin-key')
    assert.equal(seen.headers['x-request-id'], 'req-1')
    assert.equal(seen.headers.cookie, 'a=b')
    assert.equal(seen.headers['x-hokusai-user-id'], 'user-admin-1')
    assert.equal(seen.headers['x-hokusai-api-key-id'], 'key-admin-1')
    assert.equal(seen.body, '{"experiment_id":"1"}')
  })
  test('OPTIONS carries no Hokusai headers', async () => {
    const seen = (await call(api(), 'OPTIONS', '/api/mlflow/api/2.0/mlflow/runs/create')).json as Echo
    assert.equal(seen.headers['x-hokusai-user-id'], undefined)
  })
  test('repeated query keys: all forwarded (intended), last one only with the §7 #14 bug', async () => {
    const path = '/api/mlflow/api/2.0/mlflow/registered-models/get-latest-versions?name=m&stages=Production&stages=Archived'
    assert.deepEqual((await echo(api(), 'GET', path)).query, [['name', 'm'], ['stages', 'Production'], ['stages', 'Archived']])
    assert.deepEqual((await echo(api({ proxyCollapsesRepeatedQuery: true }), 'GET', path)).query, [['name', 'm'], ['stages', 'Archived']])
  })
  test('DELETE body: forwarded (intended), dropped with the §7 #15 bug', async () => {
    const path = '/api/mlflow/api/2.0/mlflow/registered-models/delete'
    assert.equal((await echo(api(), 'DELETE', path, { body: { name: 'm' } })).body, '{"name":"m"}')
    assert.equal((await echo(api({ proxyDropsDeleteBody: true }), 'DELETE', path, { body: { name: 'm' } })).body, '')
  })
})

describe('api mlflow proxy › responses and errors', () => {
  test('HTML 404 → JSON RESOURCE_NOT_FOUND naming the sub-path', async () => {
    const response = await call(api(), 'GET', '/api/mlflow/api/2.0/mlflow/html-404/nope', { key })
    assert.equal(response.status, 404)
    assert.equal(response.headers.get('content-type'), 'application/json')
    assert.deepEqual(response.json, { error_code: 'RESOURCE_NOT_FOUND', message: 'The requested resource was not found: api/2.0/mlflow/html-404/nope' })
  })
  test('other HTML passes through', async () => {
    const response = await call(api(), 'GET', '/api/mlflow/html-405', { key })
    assert.equal(response.status, 405)
    assert.match(response.headers.get('content-type') ?? '', /text\/html/)
  })
  test('MLflow down → 502, timed out → 504', async () => {
    const down = await call(api({}, mlflowEcho('down')), 'GET', '/api/mlflow/api/2.0/mlflow/experiments/search', { key })
    assert.deepEqual([down.status, down.json], [502, { detail: 'Failed to connect to MLflow server at http://mlflow.hokusai-development.local:5000' }])
    const slow = await call(api({}, mlflowEcho('timeout')), 'GET', '/api/mlflow/api/2.0/mlflow/experiments/search', { key })
    assert.deepEqual([slow.status, slow.json], [504, { detail: 'MLflow server request timeout after 30.0s' }])
  })
  test('artifactsEnabled off → 503 ARTIFACTS_DISABLED on artifact paths only', async () => {
    const service = api({ artifactsEnabled: false })
    const artifacts = await call(service, 'PUT', '/api/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/MLmodel', { key, body: 'x', headers: { 'content-type': 'text/plain' } })
    assert.deepEqual([artifacts.status, artifacts.json], [503, { detail: { error: 'ARTIFACTS_DISABLED', message: 'Artifact storage is not configured. Please contact your administrator.' } }])
    assert.equal((await call(service, 'GET', '/api/mlflow/api/2.0/mlflow/experiments/search', { key })).status, 200)
  })
  test('proxy health: answered by the API (intended), proxied upstream with the §7 #6 bug', async () => {
    const intended = await call(api(), 'GET', '/api/mlflow/health/mlflow', { key })
    assert.equal((intended.json as { status: string }).status, 'healthy')
    const shadowed = (await call(api({ proxyShadowsHealth: true }), 'GET', '/api/mlflow/health/mlflow', { key })).json as Echo
    assert.equal(shadowed.path, '/health/mlflow')
  })
})
