// Bounded fuzz of the whole mock platform on its real loopback server: a few thousand generated
// requests (fixed seed) with malformed JSON, wrong content types, oversized bodies, odd methods,
// path traversal and unicode. The mock must never crash, never answer an undocumented 5xx, and
// always give a well-formed answer (a JSON content type means a JSON body; HEAD has no body).
import assert from 'node:assert/strict'
import { Agent, request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { after, before, test } from 'node:test'
import { faults } from '../mocks/faults/index.js'
import { createPlatform } from '../mocks/platform.js'
import { createKeyTable } from '../mocks/services/auth/index.js'
import { selectFaults, serveHosts, type ServedHosts } from '../src/mocks/index.js'

const requestCount = 2000
const maxBodyBytes = 16 * 1024
const keys = createKeyTable('fuzz')

// mulberry32: small, fast, reproducible
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(0xc0ffee)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!

const paths: Record<string, string[]> = {
  api: ['/', '/health', '/health/mlflow', '/api/health', '/api/v1/models/21/info', '/api/v1/models/27/predict',
    '/api/v1/models/21/predict', '/api/v1/models/30/health', '/api/v1/models/999/info', '/api/v1/models', '/models/',
    '/api/models/tokenized-registration-events', '/api/v1/models/21/contributions', '/api/mlflow/api/2.0/mlflow/experiments/search',
    '/api/mlflow/api/2.0/mlflow/experiments/create', '/api/mlflow/api/2.0/mlflow/runs/create', '/api/2.0/mlflow/experiments/search',
    '/api/v1/dspy/health', '/mlflow', '/debug', '/.env', '/wp-admin/x'],
  registry: ['/mlflow/', '/mlflow/health', '/mlflow/api/2.0/mlflow/experiments/search', '/mlflow/ajax-api/2.0/mlflow/runs/search',
    '/api/mlflow/api/2.0/mlflow/registered-models/create', '/api/mlflow/api/2.0/mlflow/model-versions/create',
    '/api/mlflow/api/2.0/mlflow-artifacts/artifacts/x', '/api/mlflow/health/mlflow', '/api/v1/models/21/info'],
  auth: ['/api/v1/keys/validate', '/api/v1/usage/key-admin-1/debit', '/api/v1/usage/key-nobody-1/debit', '/api/v1/keys', '/'],
  catalog: ['/v1/models', '/v1/models?gateway=hug&limit=5&offset=3', '/v1/models?gateway=huggingface&offset=-5',
    '/v1/models?limit=50000', '/v1/models?gateway=nope', '/v1/gateways', '/health', '/v1/chat/completions', '/v1/models/search?q=arch', '/models'],
}
const mutations: ((path: string) => string)[] = [
  (p) => p, (p) => p, (p) => p,
  (p) => `${p}/../../../etc/passwd`, (p) => `${p}/%2e%2e/%2e%2e/secret`, (p) => `/..${p}`, (p) => `/${p}`,
  (p) => `${p}/模型/ü/${encodeURIComponent('é✓')}`, (p) => `${p}%00`, (p) => `${p}/${'a'.repeat(3000)}`,
  (p) => `${p}${p.includes('?') ? '&' : '?'}limit=-1&offset=abc&gateway=%F0%9F%98%80&api_key=${keys.reader}`,
  (p) => p.toUpperCase(), (p) => `${p}/`, (p) => p.replace(/\d+/, '0x1F'),
]
const methods = ['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE', 'TRACE']
const credentials: (Record<string, string>)[] = [
  {}, { authorization: `Bearer ${keys.admin}` }, { authorization: `Bearer ${keys.admin}` }, { authorization: `Bearer ${keys.writer}` },
  { authorization: `Bearer ${keys['gatewayz-user']}` }, { authorization: 'Bearer ' }, { 'x-api-key': keys.reader },
  { authorization: `ApiKey ${keys['debit-reject']}` }, { authorization: `Bearer ${keys['auth-down']}` },
  { authorization: 'Basic Zm9vOmJhcg==' }, { authorization: `Bearer cw-mock-unknown-${'ü'.length}` },
]
const contentTypes = [undefined, 'application/json', 'application/json', 'text/plain', 'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/xml']
const bodies: (() => Buffer | undefined)[] = [
  () => undefined,
  () => Buffer.from(JSON.stringify({ inputs: { text: 'hello' }, name: 'cw-fuzz', service_id: 'platform', experiment_id: '0' })),
  () => Buffer.from('{"inputs": {"text": '),
  () => Buffer.from('[1, 2, 3]'),
  () => Buffer.from('"just a string"'),
  () => Buffer.from(JSON.stringify({ model: 'katanemo/Arch-Router-1.5B', messages: [{ role: 'user', content: 'Hallo 世界 🙂' }] })),
  () => Buffer.from(`${'['.repeat(3000)}${']'.repeat(3000)}`),
  () => Buffer.from(Array.from({ length: 512 }, () => Math.floor(next() * 256))),
  () => Buffer.from('\u0000\uffff\ud83d'),
  () => Buffer.alloc(maxBodyBytes + 1 + Math.floor(next() * 4096), 'x'),
]

let served: ServedHosts
before(async () => {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  const platform = await createPlatform({ keys, faults: selectFaults('', faults) })
  served = await serveHosts(platform.hosts, { portBase: Math.min(port, 65000), maxBodyBytes })
})
after(() => served.close())

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
const agent = new Agent({ keepAlive: true, maxSockets: 16 })
after(() => agent.destroy())

function send(url: string, method: string, path: string, headers: Record<string, string>, body: Buffer | undefined): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

// 5xx the platform documents: the API's 503s all carry Retry-After (auth service trouble, e.g. the
// auth-down principal, hokusai-api.md §4.3; model_not_ready), MLflow proxy 502/504 (mlflow-proxy.md §7)
// and 503 ARTIFACTS_DISABLED, the load balancer's own text/html pages, and MLflow's Flask HTML 500 page,
// which real MLflow answers to a JSON body that is not an object (seeded 2.17.0 sequences, "json-array body")
function documented5xx(answer: Answer, path: string): boolean {
  const text = answer.body.toString('utf8')
  if (answer.status === 500 && /mlflow/i.test(path) && text.includes('<title>500 Internal Server Error</title>')) return true
  if (String(answer.headers['content-type']).startsWith('text/html') && /awselb/.test(String(answer.headers.server))) return true
  if (answer.status === 503 && (answer.headers['retry-after'] !== undefined || /ARTIFACTS_DISABLED/.test(text))) return true
  return (answer.status === 502 || answer.status === 504) && /mlflow/i.test(path)
}

test(`${requestCount} generated requests: no crash, no undocumented 5xx, always well-formed`, async (t) => {
  const problems: string[] = []
  const statuses = new Map<number, number>()
  const hosts = Object.keys(served.urls)
  for (let batch = 0; batch < requestCount / 20; batch++) {
    await Promise.all(Array.from({ length: 20 }, async () => {
      const host = pick(hosts)
      const method = pick(methods)
      // Node's client refuses raw non-ASCII in a request line; send it percent-encoded as browsers do
      const path = pick(mutations)(pick(paths[host] ?? ['/'])).replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char))
      const contentType = pick(contentTypes)
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies)()
      const headers: Record<string, string> = {
        ...pick(credentials),
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
        // explicit: Node's client sends OPTIONS/TRACE/DELETE bodies without framing otherwise
        ...(body === undefined ? {} : { 'content-length': String(body.length) }),
      }
      const what = `${method} ${host}${path.slice(0, 120)} (${contentType ?? 'no content type'}, ${body?.length ?? 0} bytes)`
      let answer: Answer
      try {
        answer = await send(served.urls[host]!, method, path, headers, body)
      } catch (error) {
        // the server may cut off a sender that keeps streaming far past the limit; nothing else
        if (!(body !== undefined && body.length > maxBodyBytes)) problems.push(`${what}: ${String(error)}`)
        return
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      const type = String(answer.headers['content-type'] ?? '')
      if (answer.status < 100 || answer.status > 599) problems.push(`${what}: status ${answer.status}`)
      if (answer.status >= 500 && !documented5xx(answer, path)) problems.push(`${what}: undocumented ${answer.status} ${answer.body.toString().slice(0, 200)}`)
      if (answer.headers['x-mock-error'] !== undefined) problems.push(`${what}: mock bug ${String(answer.headers['x-mock-error'])}`)
      if (method === 'HEAD' && answer.body.length > 0) problems.push(`${what}: HEAD answered with a body`)
      if (answer.body.length > 0 && type === '') problems.push(`${what}: ${answer.status} body without a content type`)
      if (/json/.test(type) && method !== 'HEAD') {
        try {
          JSON.parse(answer.body.toString('utf8'))
        } catch {
          problems.push(`${what}: ${answer.status} ${type} but the body is not JSON: ${answer.body.toString().slice(0, 100)}`)
        }
      }
      if (body !== undefined && body.length > maxBodyBytes && answer.status !== 413) problems.push(`${what}: oversized body answered ${answer.status}`)
    }))
  }
  t.diagnostic(`statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`)
  assert.deepEqual(problems.slice(0, 25), [], `${problems.length} problems`)
  // still serving afterwards
  const health = await send(served.urls.api!, 'GET', '/health', {}, undefined)
  assert.equal(health.status, 200)
})
