import type { RecordedExchange } from './diagnose.js'

// Failing answers recorded from the mock platform (faults named per row) with a synthetic key; the
// ENDPOINT_NOT_FOUND row uses MLflow's documented error envelope. Test data for the diagnosis tables.

export const SYNTHETIC_KEY = 'cw-test-admin-0f3c9a71'
const TRACKING = 'http://127.0.0.1:4711/api/mlflow'
const SEARCH = `${TRACKING}/api/2.0/mlflow/experiments/search`

export function recorded(method: string, url: string, status: number, contentType: string, text: string): RecordedExchange {
  let json: unknown
  try {
    json = contentType === 'application/json' ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return {
    request: { method, url, headers: { authorization: `Bearer ${SYNTHETIC_KEY}`, 'content-type': 'application/json' }, body: '{"max_results":1}' },
    response: { status, contentType, headers: { 'content-type': contentType }, text, json },
  }
}

export const exchanges = {
  // MOCK_FAULTS=registry-admin-required
  registryAdminRequired: recorded('POST', SEARCH, 403, 'application/json',
    '{"detail":"Admin access required for the model registry","error":"REGISTRY_ADMIN_REQUIRED"}'),
  // MOCK_FAULTS=mlflow-down
  mlflowDown: recorded('POST', SEARCH, 502, 'application/json',
    '{"detail":"Failed to connect to MLflow server at http://mlflow.hokusai-development.local:5000"}'),
  // the proxy's 30 s upstream timeout
  mlflowTimeout: recorded('POST', SEARCH, 504, 'application/json', '{"detail":"MLflow server request timeout after 30.0s"}'),
  // a listener whose default is the fixed response and no rule for /api/mlflow/* (routing.yaml's fixed 404)
  loadBalancer404: recorded('POST', SEARCH, 404, 'text/plain', 'Not Found'),
  // alb-shadow-mlflow as the lead is making it: the API answers the MLflow path itself
  fastApiNotFound: recorded('POST', SEARCH, 404, 'application/json', '{"detail":"Not Found"}'),
  // a newer MLflow for a path it has no endpoint for (what a wrong rewrite produces)
  endpointNotFound: recorded('POST', `${TRACKING}/api/2.0/mlflow/experiments/search`, 404, 'application/json',
    '{"error_code":"ENDPOINT_NOT_FOUND","message":"No API endpoint found for /experiments/search"}'),
  // the proxy's JSON rewrite of MLflow's HTML 404 (GET /api/mlflow/api/2.0/mlflow/experiments/searchx on the mock)
  proxyRewritten404: recorded('GET', `${TRACKING}/api/2.0/mlflow/experiments/searchx`, 404, 'application/json',
    '{"error_code":"RESOURCE_NOT_FOUND","message":"The requested resource was not found: api/2.0/mlflow/experiments/searchx"}'),
  // MOCK_FAULTS=auth-service-down
  authDown: recorded('POST', SEARCH, 503, 'application/json', '{"detail":"Authentication service unavailable"}'),
  // the proxy dropping DELETE bodies (hokusai-api.md §7 #15): MLflow sees no name
  deleteBodyDropped: recorded('DELETE', `${TRACKING}/api/2.0/mlflow/registered-models/delete`, 400, 'application/json',
    '{"error_code":"INVALID_PARAMETER_VALUE","message":"Missing value for required parameter \'name\'."}'),
  // healthy duplicate create, as real MLflow answers it
  alreadyExists: recorded('POST', `${TRACKING}/api/2.0/mlflow/registered-models/create`, 400, 'application/json',
    '{"error_code":"RESOURCE_ALREADY_EXISTS","message":"Registered Model (name=cw-x) already exists."}'),
} satisfies Record<string, RecordedExchange>
