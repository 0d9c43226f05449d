import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { diagnose } from './diagnose.js'
import { exchanges, recorded, SYNTHETIC_KEY } from './recorded.js'
import { formatStepFailure } from './step-failure.js'

// [title, { given, want }]: each recorded failing answer and the diagnosis a platform engineer reads.
const rows = [
  ['403 REGISTRY_ADMIN_REQUIRED', { given: exchanges.registryAdminRequired, want: { cause: 'the key is not a registry admin', answered: 'auth middleware' } }],
  ['502 from the proxy', { given: exchanges.mlflowDown, want: { cause: 'MLflow unreachable from the proxy (502', answered: 'MLflow proxy' } }],
  ['504 from the proxy', { given: exchanges.mlflowTimeout, want: { cause: 'MLflow unreachable from the proxy (504', answered: 'MLflow proxy' } }],
  ['load balancer fixed 404', { given: exchanges.loadBalancer404, want: { cause: '`/api/mlflow/*` not routed', answered: 'load balancer' } }],
  ['FastAPI {"detail":"Not Found"} on an MLflow path', { given: exchanges.fastApiNotFound, want: { cause: 'misrouted: the API answered without the proxy', answered: 'not MLflow' } }],
  ['MLflow ENDPOINT_NOT_FOUND', { given: exchanges.endpointNotFound, want: { cause: 'path rewritten wrongly by the proxy', answered: 'MLflow, through the API proxy' } }],
  ['proxy RESOURCE_NOT_FOUND rewrite', { given: exchanges.proxyRewritten404, want: { cause: 'path rewritten wrongly by the proxy', answered: 'JSON rewrite' } }],
  ['auth service down', { given: exchanges.authDown, want: { cause: 'dependency down: the auth service', answered: 'Hokusai API' } }],
  ['DELETE body dropped', { given: exchanges.deleteBodyDropped, want: { cause: 'dropped the DELETE body', answered: 'MLflow' } }],
  ['FastAPI 404 off the MLflow paths', {
    given: recorded('POST', 'http://127.0.0.1:4710/api/models/tokenized-registration-events', 404, 'application/json', '{"detail":"Not Found"}'),
    want: { cause: 'route absent from the running API', answered: 'Hokusai API' },
  }],
  ['MLflow HTML 404 reached without the proxy', {
    given: recorded('POST', 'http://127.0.0.1:4711/mlflow/api/2.0/mlflow/experiments/search', 404, 'text/html', '<!doctype html><title>404 Not Found</title>'),
    want: { cause: 'bypassed the API proxy', answered: 'MLflow itself' },
  }],
] as const

describe('diagnose', () => {
  for (const [title, { given, want }] of rows) {
    it(title, () => {
      const d = diagnose(given)
      assert.ok(d.cause.includes(want.cause), `cause: ${d.cause}`)
      assert.ok(d.answered.includes(want.answered), `answered: ${d.answered}`)
    })
  }
})

describe('formatStepFailure', () => {
  const contractMessage = 'mlflow › POST /api/mlflow/api/2.0/mlflow/experiments/search › 200 as expected\nUnexpected status\n  check      status_expected'

  it('names the step, the request, status, body, who answered and the cause, then the contract message', () => {
    const text = formatStepFailure({ step: '1. connectivity', exchange: exchanges.registryAdminRequired, contractMessage, secrets: [SYNTHETIC_KEY] })
    assert.match(text, /^registration step "1\. connectivity" failed: the key is not a registry admin/)
    assert.match(text, /request {4}POST http:\/\/127\.0\.0\.1:4711\/api\/mlflow\/api\/2\.0\/mlflow\/experiments\/search/)
    assert.match(text, /status {5}403 application\/json/)
    assert.match(text, /answered {3}the Hokusai API auth middleware/)
    assert.match(text, /body {7}\{"detail":"Admin access required/)
    assert.match(text, /contract checks:\n {4}mlflow › POST/)
    assert.match(text, / {6}check {6}status_expected/)
  })

  it('masks the key wherever it shows: query string, body, contract message', () => {
    const leaky = recorded('GET', `http://127.0.0.1:4711/api/mlflow/api/2.0/mlflow/experiments/get?api_key=${SYNTHETIC_KEY}`, 401, 'application/json',
      `{"detail":"Invalid or expired API key ${SYNTHETIC_KEY}"}`)
    const text = formatStepFailure({ step: '2. experiment', exchange: leaky, contractMessage: `curl -H 'authorization: Bearer ${SYNTHETIC_KEY}'`, secrets: [SYNTHETIC_KEY] })
    assert.ok(!text.includes(SYNTHETIC_KEY), text)
    assert.match(text, /the key was refused \(401\)/)
  })

  it('leads with the flow finding on an answer the contract accepts', () => {
    const ok = recorded('GET', 'http://127.0.0.1:4711/api/mlflow/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/model.pkl', 200, 'application/octet-stream', 'abc')
    const text = formatStepFailure({ step: '4. model artifacts', exchange: ok, problem: 'downloaded model.pkl is not byte-identical', secrets: [] })
    assert.match(text, /failed: downloaded model\.pkl is not byte-identical/)
    assert.match(text, /answered {3}MLflow, through the API proxy/)
    assert.doesNotMatch(text, /problem/)
  })

  it('keeps both the diagnosis and the finding on an error answer', () => {
    const text = formatStepFailure({ step: '5. registered model', exchange: exchanges.alreadyExists, problem: 'expected error_code X, got RESOURCE_ALREADY_EXISTS', secrets: [] })
    assert.match(text, /failed: MLflow refused the request \(400 RESOURCE_ALREADY_EXISTS\)/)
    assert.match(text, /problem {4}expected error_code X/)
  })

  it('truncates long bodies and indents multi-line ones', () => {
    const long = recorded('GET', 'http://h/api/mlflow/api/2.0/mlflow/x', 500, 'text/plain', `line1\nline2${'x'.repeat(700)}`)
    const text = formatStepFailure({ step: 's', exchange: long, secrets: [] })
    assert.match(text, /body {7}line1\n {13}line2x+… \(\d+ bytes\)/)
  })
})
