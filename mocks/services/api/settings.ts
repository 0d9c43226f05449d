/**
 * Switches a fault flips on the mock Hokusai API. Every default is the INTENDED behaviour of the
 * contract (the healthy platform); each known bug of the real code (hokusai-api.md §7) is a switch,
 * off by default.
 */
export interface ApiSettings {
  /** Set → model 21 predicts; unset → 500 "HuggingFace token not configured" (incident missing-secret). */
  HUGGINGFACE_API_KEY?: string
  /** false = deploy-stale: the /api/v1/models/{id}/{info,predict,health} routes are absent (404 JSON). */
  servingRoutes: boolean
  /** true = protected routes answer without a key (incident auth-regression). */
  authBypass: boolean
  /** true = /info serves `max_batch_size` as a string (incident schema-drift). */
  infoSchemaDrift: boolean
  /** Model 30 warm-up; `warming`/`failed` → predict 503 model_not_ready + Retry-After: 30. */
  model30WarmupState: 'ready' | 'warming' | 'failed'
  /** MLFLOW_SERVE_ARTIFACTS; false → 503 ARTIFACTS_DISABLED on artifact paths. */
  artifactsEnabled: boolean
  /** §7 #5: the /api/2.0/mlflow mount loses its prefix upstream. */
  proxyStripsApi20Prefix: boolean
  /** §7 #6: /{mount}/health/mlflow is proxied upstream instead of answered by the API. */
  proxyShadowsHealth: boolean
  /** §7 #14: repeated query keys collapse to the last value. */
  proxyCollapsesRepeatedQuery: boolean
  /** §7 #15: DELETE bodies are dropped by the proxy. */
  proxyDropsDeleteBody: boolean
  /** §7 #3: false = no GET /api/health route (401 without a key, 404 with one). */
  apiHealthRoute: boolean
  /** /sentry-debug is registered (raises 500); off as in production, where the route is absent (404). */
  sentryDebugRoute: boolean
  /** §7 #4: unknown model health answers 200 {"status":"unhealthy"} instead of 404. */
  unknownModelHealth200: boolean
  /** §7 #1, #2: /health?detailed=true and /health/status answer 500. */
  detailedHealthBroken: boolean
  /** §7 #8: POST /health/mlflow/reset needs no key. */
  healthResetPublic: boolean
  /** §7 #9: an auth-service 4xx other than 401/429 on validate becomes 503 instead of 401. */
  auth4xxAs503: boolean
  /** §7 #10: middleware-made responses carry no CORS headers. */
  authResponsesLackCors: boolean
  /** §7 #13: model 27/30 input 422s carry the inference log id as X-Request-ID. */
  requestIdFromInferenceLog: boolean
  /** MLFLOW_TRACKING_URI of the proxy: decides the ajax-api translation (mlflow-proxy.md §2). */
  mlflowBaseUrl: string
  MODEL_27_MLFLOW_URI?: string
  MODEL_30_MLFLOW_URI?: string
  /** The middleware's HTTP timeout to the auth service (5 s in the real code). */
  authTimeoutMs: number
  /** The proxy's upstream timeout (30 s in the real code). */
  mlflowTimeoutMs: number
}

export const defaultApiSettings: Readonly<ApiSettings> = Object.freeze({
  HUGGINGFACE_API_KEY: 'test-hf-token-not-real',
  servingRoutes: true,
  authBypass: false,
  infoSchemaDrift: false,
  model30WarmupState: 'ready',
  artifactsEnabled: true,
  proxyStripsApi20Prefix: false,
  proxyShadowsHealth: false,
  proxyCollapsesRepeatedQuery: false,
  proxyDropsDeleteBody: false,
  apiHealthRoute: true,
  sentryDebugRoute: false,
  unknownModelHealth200: false,
  detailedHealthBroken: false,
  healthResetPublic: false,
  auth4xxAs503: false,
  authResponsesLackCors: false,
  requestIdFromInferenceLog: false,
  mlflowBaseUrl: 'http://mlflow.hokusai-development.local:5000',
  authTimeoutMs: 5000,
  mlflowTimeoutMs: 30000,
})

/** Defaults overlaid with the given switches; an explicit `HUGGINGFACE_API_KEY: undefined` unsets it. */
export function resolveApiSettings(overrides: Partial<ApiSettings> = {}): ApiSettings {
  return { ...defaultApiSettings, ...overrides }
}
