import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createApiService } from './create-api-service.js'
import type { ApiSettings } from './settings.js'
import { authStandIn, call, mlflowEcho } from './test-stand-ins.js'

const key = 'test-reader-key'
const api = (settings: Partial<ApiSettings> = {}) => createApiService({ settings, auth: authStandIn(), mlflow: mlflowEcho() })
const salesLead = {
  'Customer ID': 'C-1', first_industry: 'Retail', first_segment: 'SMB', first_region: 'EMEA', first_subregion: 'West',
  first_country: 'DE', first_product: 'Pro', first_sales: 1200, first_quantity: 3, first_discount: 0.1, total_profit: 800,
}
const task = { task: { description: 'Split the monolith', task_type: 'refactor' } }

describe('api serving › /info', () => {
  test('model 21, 27 and 30 bodies are exact', async () => {
    const service = api()
    assert.deepEqual((await call(service, 'GET', '/api/v1/models/21/info', { key })).json, {
      model_id: '21', name: 'Sales Lead Scoring Model', type: 'sklearn', storage: 'huggingface_private',
      is_available: true, inference_methods: ['api', 'local'], max_batch_size: 100,
    })
    const info27 = (await call(service, 'GET', '/api/v1/models/27/info', { key })).json as Record<string, unknown>
    assert.equal(info27.model_uri, 'models:/Sales Lead Scoring@production')
    assert.equal((info27.input_fields as string[]).length, 11)
    const info30 = (await call(service, 'GET', '/api/v1/models/30/info', { key })).json as Record<string, unknown>
    assert.equal(info30.schema, 'technical_task_router_inputs/v2')
    assert.equal('input_fields' in info30, false)
  })
  test('unknown model → 404', async () => {
    assert.deepEqual((await call(api(), 'GET', '/api/v1/models/999/info', { key })).json, { detail: 'Model 999 not found' })
  })
  test('infoSchemaDrift → max_batch_size is a string (schema-drift)', async () => {
    const info = (await call(api({ infoSchemaDrift: true }), 'GET', '/api/v1/models/21/info', { key })).json as Record<string, unknown>
    assert.equal(info.max_batch_size, '100')
  })
  test('servingRoutes off → the service answers its own 404 JSON (deploy-mismatch)', async () => {
    const service = api({ servingRoutes: false })
    for (const [method, path] of [['GET', '/info'], ['POST', '/predict'], ['GET', '/health']]) {
      const response = await call(service, method!, `/api/v1/models/21${path}`, { key, body: method === 'POST' ? { inputs: {} } : undefined })
      assert.equal(response.status, 404)
      assert.deepEqual(response.json, { detail: 'Not Found' })
    }
    assert.equal((await call(service, 'GET', '/health')).status, 200)
  })
})

describe('api serving › /predict', () => {
  test('model 21: deterministic PredictionResponse with the caller in metadata', async () => {
    const service = api()
    const first = (await call(service, 'POST', '/api/v1/models/21/predict', { key, body: { inputs: { engagement_score: 90, company_size: 500 } } })).json as Record<string, any>
    const again = (await call(service, 'POST', '/api/v1/models/21/predict', { key, body: { inputs: { engagement_score: 90, company_size: 500 } } })).json as Record<string, any>
    assert.deepEqual(first.predictions, again.predictions)
    assert.equal(first.predictions.recommendation, 'Hot')
    assert.deepEqual(first.metadata, { api_version: '1.0', inference_method: 'local', user_id: 'user-1', api_key_id: 'key-reader' })
    assert.match(first.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/)
    assert.match(first.inference_log_id, /^[0-9a-f-]{36}$/)
  })
  test('model 27 and 30 answer with MLflow metadata', async () => {
    const service = api()
    const p27 = (await call(service, 'POST', '/api/v1/models/27/predict', { key, body: { inputs: salesLead } })).json as Record<string, any>
    assert.equal(p27.metadata.request_id, p27.inference_log_id)
    assert.deepEqual(Object.keys(p27.predictions), ['lead_score', 'conversion_probability', 'recommendation', 'confidence'])
    const p30 = (await call(service, 'POST', '/api/v1/models/30/predict', { key, body: { inputs: task } })).json as Record<string, any>
    assert.equal(p30.predictions.recommended_strategy.objective, 'highest_reliability')
  })
  const matrix: [string, { model?: string; body: unknown; headers?: Record<string, string>; settings?: Partial<ApiSettings>; status: number; detail: unknown }][] = [
    ['unknown model → 404', { model: '999', body: { inputs: {} }, status: 404, detail: 'Model 999 not found' }],
    ['inputs missing → 422', { body: { options: {} }, status: 422, detail: [{ type: 'missing', loc: ['body', 'inputs'], msg: 'Field required', input: { options: {} } }] }],
    ['inputs not an object → 422', { body: { inputs: [1] }, status: 422, detail: [{ type: 'dict_type', loc: ['body', 'inputs'], msg: 'Input should be a valid dictionary', input: [1] }] }],
    ['unknown inference method → 400', { body: { inputs: {}, options: { inference_method: 'zzz' } }, status: 400, detail: 'Unknown inference method: zzz' }],
    ['mlflow_pyfunc on model 21 → 500', { body: { inputs: {}, options: { inference_method: 'mlflow_pyfunc' } }, status: 500, detail: 'MLflow registry entry for Sales Lead Scoring Model is missing model_uri' }],
    ['HUGGINGFACE_API_KEY unset → 500 on model 21 (missing-secret)', { body: { inputs: {} }, settings: { HUGGINGFACE_API_KEY: undefined }, status: 500, detail: 'HuggingFace token not configured' }],
    ['model 30 warming → 503 model_not_ready', { model: '30', body: { inputs: task }, settings: { model30WarmupState: 'warming' }, status: 503, detail: { error: 'model_not_ready', model_id: '30', warmup_state: 'warming', retry_after_s: 30 } }],
    ['model 27 wrong inputs → 422 relative loc with url', { model: '27', body: { inputs: { ...salesLead, extra: 1 } }, status: 422, detail: [{ type: 'extra_forbidden', loc: ['extra'], msg: 'Extra inputs are not permitted', input: 1, url: 'https://errors.pydantic.dev/2.5/v/extra_forbidden' }] }],
    ['model 30 without task → 422', { model: '30', body: { inputs: {} }, status: 422, detail: [{ type: 'missing', loc: ['task'], msg: 'Field required', input: {}, url: 'https://errors.pydantic.dev/2.5/v/missing' }] }],
  ]
  for (const [title, { model = '21', body, headers, settings, status, detail }] of matrix) {
    test(title, async () => {
      const response = await call(api(settings), 'POST', `/api/v1/models/${model}/predict`, { key, body, headers })
      assert.equal(response.status, status)
      assert.deepEqual(response.json, { detail })
    })
  }
  test('HUGGINGFACE_API_KEY unset leaves models 27 and 30 predicting', async () => {
    const service = api({ HUGGINGFACE_API_KEY: undefined })
    assert.equal((await call(service, 'POST', '/api/v1/models/27/predict', { key, body: { inputs: salesLead } })).status, 200)
    assert.equal((await call(service, 'POST', '/api/v1/models/30/predict', { key, body: { inputs: task } })).status, 200)
  })
  test('model 30 warming carries Retry-After: 30', async () => {
    const response = await call(api({ model30WarmupState: 'failed' }), 'POST', '/api/v1/models/30/predict', { key, body: { inputs: task } })
    assert.equal(response.headers.get('retry-after'), '30')
  })
  test('422 X-Request-ID: the client\'s truncated to 128, else a uuid; the inference log id with the §7 #13 bug', async () => {
    const long = 'r'.repeat(200)
    const echoed = await call(api(), 'POST', '/api/v1/models/27/predict', { key, body: { inputs: {} }, headers: { 'x-request-id': long } })
    assert.equal(echoed.headers.get('x-request-id'), 'r'.repeat(128))
    const fresh = await call(api(), 'POST', '/api/v1/models/21/predict', { key, body: {} })
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
    const replaced = await call(api({ requestIdFromInferenceLog: true }), 'POST', '/api/v1/models/27/predict', { key, body: { inputs: {} }, headers: { 'x-request-id': 'mine' } })
    assert.notEqual(replaced.headers.get('x-request-id'), 'mine')
  })
  const malformed: [string, { body: string; contentType: string; type: string }][] = [
    ['invalid JSON', { body: '{"inputs":', contentType: 'application/json', type: 'json_invalid' }],
    ['wrong content type', { body: 'inputs=1', contentType: 'application/x-www-form-urlencoded', type: 'model_attributes_type' }],
    ['empty body', { body: '', contentType: 'application/json', type: 'missing' }],
    ['a JSON string', { body: '"☃ \\u0000"', contentType: 'application/json', type: 'model_attributes_type' }],
  ]
  for (const [title, { body, contentType, type }] of malformed) {
    test(`${title} → 422 ${type}`, async () => {
      const response = await call(api(), 'POST', '/api/v1/models/21/predict', { key, body, headers: { 'content-type': contentType } })
      assert.equal(response.status, 422)
      assert.equal((response.json as { detail: { type: string }[] }).detail[0]?.type, type)
    })
  }
})

describe('api serving › per-model /health', () => {
  test('model 21 body is exact', async () => {
    assert.deepEqual((await call(api(), 'GET', '/api/v1/models/21/health', { key })).json, {
      model_id: '21', status: 'healthy', is_cached: false, storage_type: 'huggingface_private', inference_ready: true,
    })
  })
  test('model 27: readiness and mlflow_sdk; ?warmup=true adds the warm-up fields', async () => {
    const cold = (await call(api(), 'GET', '/api/v1/models/27/health', { key })).json as Record<string, any>
    assert.deepEqual(cold.readiness, { checked: false, model_uri: 'models:/Sales Lead Scoring@production', status: 'not_cached' })
    assert.equal(cold.mlflow_sdk.reachable, true)
    const warm = (await call(api(), 'GET', '/api/v1/models/27/health?warmup=true', { key })).json as Record<string, any>
    assert.ok('selected_model' in warm.readiness && 'artifact_load_ms' in warm.readiness && 'inference_only_ms' in warm.readiness)
  })
  test('unknown model → 404 (intended), 200 unhealthy with the §7 #4 bug', async () => {
    const intended = await call(api(), 'GET', '/api/v1/models/999/health', { key })
    assert.equal(intended.status, 404)
    assert.deepEqual(intended.json, { detail: 'Model 999 not found' })
    const buggy = await call(api({ unknownModelHealth200: true }), 'GET', '/api/v1/models/999/health', { key })
    assert.deepEqual([buggy.status, buggy.json], [200, { model_id: '999', status: 'unhealthy', error: '404: Model 999 not found' }])
  })
})
