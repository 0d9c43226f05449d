// Serves a synthetic contract (synthetic-contract.ts) on loopback, built from the library's own mock
// parts: MSW handlers made from the contract's examples, the load balancer from its routing.yaml,
// serveHosts. Writes the target's env file (MOCK_ENV_FILE) once listening, like `npm run mock`.
//   BENCH_CONTRACT=bench/.out/synthetic-100/openapi.yaml MOCK_PORT_BASE=4090 npx tsx bench/scale/synthetic-mock.ts
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { http, HttpResponse, type RequestHandler } from 'msw'
import { operationsMatching } from '../../src/cases/path-template.js'
import { compileSchemas, type SchemaRegistry } from '../../src/contract/compile-schemas.js'
import type { Contract, Operation } from '../../src/contract/contract.js'
import { loadContract } from '../../src/index.js'
import { createLoadBalancer, serveHosts, serviceFromHandlers } from '../../src/mocks/index.js'
import { loadRoutingFile, pickRuleSet } from '../../src/routing/index.js'
import { SYNTHETIC } from './synthetic-contract.js'

const KEY = 'cw-bench-synthetic-key'

/** One MSW handler per operation: 401 without the key, 422 for a body its schema refuses, else its example. */
export function syntheticHandlers(contract: Contract, schemas: SchemaRegistry): RequestHandler[] {
  return contract.operations.map((op) => {
    const method = op.method.toLowerCase() as 'get' | 'post'
    const success = successExample(op)
    return http[method](`*${op.path.replace(/\{(\w+)\}/g, ':$1')}`, async ({ request }) => {
      if (op.security.length > 0 && request.headers.get(SYNTHETIC.keyHeader) !== KEY) {
        return HttpResponse.json({ detail: 'Invalid API key' }, { status: 401 })
      }
      const media = op.requestBody?.content[0]
      if (media?.schema) {
        let body: unknown
        try {
          body = JSON.parse(await request.text())
        } catch {
          return HttpResponse.json({ detail: 'Unprocessable Entity' }, { status: 422 })
        }
        if (schemas.validate(media.schema, body).length > 0) return HttpResponse.json({ detail: 'Unprocessable Entity' }, { status: 422 })
      }
      return HttpResponse.json(success.body as Record<string, unknown>, { status: success.status })
    })
  })
}

function successExample(op: Operation): { status: number; body: unknown } {
  const response = op.responses.find((r) => /^2\d\d$/.test(r.status))
  const example = response && Object.values(response.content[0]?.examples ?? {})[0]
  if (!response || example === undefined) throw new Error(`synthetic mock: ${op.pointer} has no 2xx example`)
  return { status: Number(response.status), body: example }
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const file = env.BENCH_CONTRACT
  if (!file) throw new Error('synthetic mock: set BENCH_CONTRACT to a synthetic openapi.yaml')
  const contract = loadContract(file)
  const schemas = compileSchemas(contract.documents)
  const service = serviceFromHandlers(SYNTHETIC.service, syntheticHandlers(contract, schemas), (request) => {
    // a known path with another method is 405, anything else the service's own 404
    const { exact } = operationsMatching(contract.operations, new URL(request.url).pathname)
    return exact.length > 0
      ? HttpResponse.json({ detail: 'Method Not Allowed' }, { status: 405 })
      : HttpResponse.json({ detail: 'Not Found' }, { status: 404 })
  })
  const balance = createLoadBalancer(pickRuleSet(await loadRoutingFile(join(dirname(file), 'routing.yaml'))), { [SYNTHETIC.service]: service })
  const served = await serveHosts({ [SYNTHETIC.host]: (request) => balance(SYNTHETIC.host, request) }, { portBase: Number(env.MOCK_PORT_BASE || 4090) })
  const envFile = resolve(env.MOCK_ENV_FILE || '.env.mock-server')
  mkdirSync(dirname(envFile), { recursive: true })
  writeFileSync(`${envFile}.tmp`, `${SYNTHETIC.urlVariable}=${served.urls[SYNTHETIC.host]}\n${SYNTHETIC.keyVariable}=${KEY}\n`)
  renameSync(`${envFile}.tmp`, envFile)
  console.log(`synthetic mock: ${contract.operations.length} operations on ${served.urls[SYNTHETIC.host]}`)
  const stop = () => void served.close().then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.env).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
