import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { callService } from './call-service.js'
import { detailResponse, jsonResponse } from './fastapi-responses.js'
import { probeMlflow } from './mlflow-probe.js'

// src/api/routes/mlflow_proxy_improved.py (mlflow-proxy.md §1-§7): one catch-all per mount.

const mounts = ['/api/mlflow', '/mlflow', '/api/2.0/mlflow'] as const
type Mount = (typeof mounts)[number]
const proxiedMethods = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] as const
const dropped = new Set(['transfer-encoding', 'content-encoding', 'content-length'])

/** Sub-path → upstream path (§2): the /api/2.0/mlflow mount keeps its prefix unless the §7 #5 bug is on. */
function upstreamPath(mount: Mount, path: string, ctx: ApiContext): string {
  const full = mount === '/api/2.0/mlflow' && !ctx.settings.proxyStripsApi20Prefix ? `api/2.0/mlflow/${path}` : path
  if (!ctx.settings.mlflowBaseUrl.includes('registry.hokus.ai')) return full
  return full.replace(/^api\/2\.0\/mlflow(-artifacts)?\//, 'ajax-api/2.0/mlflow$1/')
}

function upstreamQuery(url: URL, collapse: boolean): string {
  if (!collapse) return url.search
  // §7 #14: dict(request.query_params) keeps only the last value of a repeated key
  const last = new URLSearchParams()
  for (const [key, value] of url.searchParams) last.set(key, value)
  const text = last.toString()
  return text ? `?${text}` : ''
}

const decode = (text: string) => {
  try { return decodeURIComponent(text) } catch { return text }
}

async function proxy(request: Request, mount: Mount, ctx: ApiContext): Promise<Response> {
  const { settings } = ctx
  const url = new URL(request.url)
  const rawPath = url.pathname.slice(mount.length + 1)
  const target = upstreamPath(mount, rawPath, ctx)
  if (!settings.artifactsEnabled && /^(ajax-)?api\/2\.0\/mlflow-artifacts\//.test(target)) {
    return detailResponse({ error: 'ARTIFACTS_DISABLED', message: 'Artifact storage is not configured. Please contact your administrator.' }, 503)
  }
  const headers = new Headers(request.headers)
  headers.delete('host')
  headers.delete('content-length')
  const principal = ctx.principalOf(request)
  if (principal?.userId) {
    headers.set('x-hokusai-user-id', principal.userId)
    if (principal.keyId) headers.set('x-hokusai-api-key-id', principal.keyId)
  }
  const forwardsBody = ['POST', 'PUT', 'PATCH'].includes(request.method) || (request.method === 'DELETE' && !settings.proxyDropsDeleteBody)
  const body = forwardsBody ? await request.arrayBuffer() : undefined
  const upstream = new Request(`${settings.mlflowBaseUrl}/${target}${upstreamQuery(url, settings.proxyCollapsesRepeatedQuery)}`, {
    method: request.method, headers, body: body && body.byteLength > 0 ? body : undefined, redirect: 'manual',
  })
  const result = await callService(ctx.mlflow, upstream, settings.mlflowTimeoutMs)
  if (result.kind === 'timeout') {
    const seconds = settings.mlflowTimeoutMs / 1000
    return detailResponse(`MLflow server request timeout after ${Number.isInteger(seconds) ? seconds.toFixed(1) : seconds}s`, 504)
  }
  if (result.kind === 'unreachable') return detailResponse(`Failed to connect to MLflow server at ${settings.mlflowBaseUrl}`, 502)
  const { response } = result
  if (response.status === 404 && (response.headers.get('content-type') ?? '').includes('text/html')) {
    // `<path>` is the sub-path before the ajax-api translation (§6)
    const shown = mount === '/api/2.0/mlflow' && !settings.proxyStripsApi20Prefix ? `api/2.0/mlflow/${rawPath}` : rawPath
    return jsonResponse({ error_code: 'RESOURCE_NOT_FOUND', message: `The requested resource was not found: ${decode(shown)}` }, 404)
  }
  const passed = new Headers()
  response.headers.forEach((value, key) => { if (!dropped.has(key)) passed.append(key, value) })
  const text = request.method === 'HEAD' ? null : await response.arrayBuffer()
  return new Response(text, { status: response.status, statusText: response.statusText, headers: passed })
}

/** §7 #6 intended: the proxy's own health answer, reached before the catch-all. */
async function proxyHealth(ctx: ApiContext): Promise<Response> {
  const probe = await probeMlflow(ctx)
  const check = (ok: boolean, message: string) => ({ status: ok ? 'healthy' : 'unhealthy', message })
  return jsonResponse({
    mlflow_server: ctx.settings.mlflowBaseUrl,
    checks: {
      connectivity: check(probe.reachable, probe.reachable ? 'MLflow server is reachable' : probe.error ?? 'unreachable'),
      experiments_api: check(probe.reachable, probe.reachable ? 'Experiments API is working' : 'Experiments API is unavailable'),
      artifacts_api: { status: ctx.settings.artifactsEnabled ? 'enabled' : 'disabled', message: ctx.settings.artifactsEnabled ? 'Artifact serving is enabled' : 'Artifact serving is disabled' },
    },
    status: probe.reachable ? 'healthy' : 'unhealthy',
  }, probe.reachable ? 200 : 503)
}

export function mlflowProxyHandlers(ctx: ApiContext): RequestHandler[] {
  return mounts.flatMap((mount) => [
    ...(ctx.settings.proxyShadowsHealth ? [] : [
      http.get(`*${mount}/health/mlflow`, () => proxyHealth(ctx)),
      http.get(`*${mount}/health/mlflow/detailed`, () => proxyHealth(ctx)),
    ]),
    ...proxiedMethods.map((method) => http[method](`*${mount}/*`, ({ request }) => proxy(request, mount, ctx))),
  ])
}
