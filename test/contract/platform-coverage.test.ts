// Every route the Hokusai API service registers (hokusai-api.md Appendix A, commit f4c4c38) must be
// described by the contract; the failure names each missing METHOD path.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadContract } from '../../src/contract/load-contract.js'

const CONTRACT = 'contracts/hokusai/openapi.yaml'

// Copied from hokusai-api.md Appendix A: one "METHOD path" per line.
const APPENDIX_A = `
GET /
GET /api/2.0/mlflow/health/mlflow
GET /api/2.0/mlflow/health/mlflow/detailed
DELETE /api/2.0/mlflow/{path}
GET /api/2.0/mlflow/{path}
POST /api/2.0/mlflow/{path}
HEAD /api/2.0/mlflow/{path}
PUT /api/2.0/mlflow/{path}
PATCH /api/2.0/mlflow/{path}
OPTIONS /api/2.0/mlflow/{path}
GET /api/health/mlflow
GET /api/health/mlflow/connectivity
GET /api/health/mlflow/detailed
GET /api/mlflow/health/mlflow
GET /api/mlflow/health/mlflow/detailed
DELETE /api/mlflow/{path}
GET /api/mlflow/{path}
POST /api/mlflow/{path}
HEAD /api/mlflow/{path}
PUT /api/mlflow/{path}
PATCH /api/mlflow/{path}
OPTIONS /api/mlflow/{path}
GET /api/models/
POST /api/models/batch
GET /api/models/compare
GET /api/models/contributors/{address}/impact
POST /api/models/evaluate
GET /api/models/production
POST /api/models/register
POST /api/models/tokenized-registration-events
GET /api/models/{model_id}/lineage
GET /api/models/{model_name}/{version}
PATCH /api/models/{model_name}/{version}
DELETE /api/models/{model_name}/{version}
GET /api/models/{model_name}/{version}/download
GET /api/models/{model_name}/{version}/lineage
GET /api/models/{model_name}/{version}/metrics
GET /api/models/{model_name}/{version}/predictions
POST /api/models/{model_name}/{version}/transition
POST /api/v1/benchmarks
GET /api/v1/benchmarks
POST /api/v1/benchmarks/upload/{model_id}
GET /api/v1/benchmarks/{spec_id}
PUT /api/v1/benchmarks/{spec_id}
DELETE /api/v1/benchmarks/{spec_id}
GET /api/v1/contributions/{submission_id}/lifecycle
GET /api/v1/dataset-arrivals
POST /api/v1/dspy/cache/clear
POST /api/v1/dspy/execute
POST /api/v1/dspy/execute/batch
GET /api/v1/dspy/execution/{execution_id}
GET /api/v1/dspy/health
GET /api/v1/dspy/programs
GET /api/v1/dspy/stats
GET /api/v1/evaluations/{job_id}/manifest
GET /api/v1/evaluations/{job_id}/status
GET /api/v1/governance/audit-logs
POST /api/v1/governance/gdpr/consent
GET /api/v1/governance/gdpr/consent/{user_id}
POST /api/v1/governance/gdpr/delete/{user_id}
POST /api/v1/governance/gdpr/export/{user_id}
POST /api/v1/governance/licenses
GET /api/v1/governance/licenses/{dataset_id}
POST /api/v1/governance/licenses/{dataset_id}/validate
GET /api/v1/governance/retention-policies
PUT /api/v1/governance/retention-policies/{resource_type}
POST /api/v1/governance/retention/apply
POST /api/v1/models/{model_id}/contributions
POST /api/v1/models/{model_id}/evaluate
POST /api/v1/models/{model_id}/evaluation-schedule
GET /api/v1/models/{model_id}/evaluation-schedule
PUT /api/v1/models/{model_id}/evaluation-schedule
DELETE /api/v1/models/{model_id}/evaluation-schedule
GET /api/v1/models/{model_id}/health
GET /api/v1/models/{model_id}/info
POST /api/v1/models/{model_id}/predict
POST /api/v1/outcomes
POST /api/v1/privacy/scan
POST /api/v1/privacy/scan/dataset/{dataset_id}
GET /debug
GET /health
GET /health/alb
GET /health/mlflow
POST /health/mlflow/reset
GET /health/status
GET /live
GET /metrics
GET /mlflow/health/mlflow
GET /mlflow/health/mlflow/detailed
DELETE /mlflow/{path}
GET /mlflow/{path}
POST /mlflow/{path}
HEAD /mlflow/{path}
PUT /mlflow/{path}
PATCH /mlflow/{path}
OPTIONS /mlflow/{path}
GET /models/
POST /models/batch
GET /models/compare
GET /models/contributors/{address}/impact
POST /models/evaluate
GET /models/production
POST /models/register
POST /models/tokenized-registration-events
GET /models/{model_id}/lineage
GET /models/{model_name}/{version}
PATCH /models/{model_name}/{version}
DELETE /models/{model_name}/{version}
GET /models/{model_name}/{version}/download
GET /models/{model_name}/{version}/lineage
GET /models/{model_name}/{version}/metrics
GET /models/{model_name}/{version}/predictions
POST /models/{model_name}/{version}/transition
GET /ready
GET /sentry-debug
GET /version
`

// HEAD and OPTIONS on the proxy mounts are excluded: OPTIONS bypasses the API-key middleware and is
// answered by CORS/MLflow, and HEAD is not part of any MLflow client flow, so neither is a contract case.
const EXCLUDED = /^(HEAD|OPTIONS) \/(api\/mlflow|mlflow|api\/2\.0\/mlflow)\/\{path\}$/

// A proxy mount "{path}" stands for any sub-path: it is covered by any operation under the mount.
const CATCH_ALL = '/{path}'

/** Path templates compare equal whatever their parameter names are. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}')
}

export function parseRoutes(text: string): Array<{ method: string; path: string }> {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [method, path, ...rest] = line.split(/\s+/)
    if (!method || !path || rest.length > 0) throw new Error(`bad route line: "${line}"`)
    return { method, path }
  })
}

export function missingRoutes(
  routes: Array<{ method: string; path: string }>,
  operations: Array<{ method: string; path: string }>,
): string[] {
  const have = new Set(operations.map((o) => `${o.method.toUpperCase()} ${normalisePath(o.path)}`))
  return routes
    .map((r) => `${r.method} ${r.path}`)
    .filter((pair) => !EXCLUDED.test(pair))
    .filter((pair) => {
      const [method, path] = pair.split(' ') as [string, string]
      if (path.endsWith(CATCH_ALL)) {
        const mount = path.slice(0, -CATCH_ALL.length + 1) // keeps the trailing '/'
        return !operations.some((o) => o.method.toUpperCase() === method && o.path.startsWith(mount))
      }
      return !have.has(`${method} ${normalisePath(path)}`)
    })
}

test('hokusai › Appendix A route list parses into 116 unique pairs', () => {
  const routes = parseRoutes(APPENDIX_A)
  assert.equal(routes.length, 116)
  assert.equal(new Set(routes.map((r) => `${r.method} ${r.path}`)).size, 116)
})

test('hokusai › missingRoutes names an uncovered pair and honours catch-alls and exclusions', () => {
  const routes = parseRoutes('GET /a/{id}\nPOST /b\nGET /api/mlflow/{path}\nHEAD /api/mlflow/{path}\nPUT /mlflow/{path}')
  const ops = [{ method: 'GET', path: '/a/{other}' }, { method: 'GET', path: '/api/mlflow/api/2.0/mlflow/experiments/search' }]
  assert.deepEqual(missingRoutes(routes, ops), ['POST /b', 'PUT /mlflow/{path}'])
})

test('hokusai › the contract describes every route of Appendix A', async () => {
  const contract = await loadContract(CONTRACT)
  const missing = missingRoutes(parseRoutes(APPENDIX_A), contract.operations)
  assert.deepEqual(missing, [], `contractwright: ${CONTRACT} lacks ${missing.length} route(s) of hokusai-api.md Appendix A:\n  ${missing.join('\n  ')}`)
})
