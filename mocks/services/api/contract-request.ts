import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Contract } from '../../../src/contract/contract.js'
import { loadContract } from '../../../src/contract/load-contract.js'
import { fastapiValidate } from '../../../src/mocks/generated/fastapi-errors.js'
import { buildRouteTable, type RouteTable } from '../../../src/mocks/generated/route-table.js'
import { requestIdFor, validationError } from './fastapi-responses.js'

// from this folder, or from mocks/ when mocks/start.mjs has bundled this module there
const file = ['../../../contracts', '../contracts'].map((dir) => fileURLToPath(new URL(`${dir}/hokusai/openapi.yaml`, import.meta.url))).find((f) => existsSync(f))!
let hokusai: { contract: Contract; table: RouteTable } | undefined

export type ContractRequest = { ok: true; body: Record<string, unknown> } | { ok: false; response: Response }

/**
 * The request as FastAPI validates it before the handler runs: parameters and JSON body against the
 * operation of contracts/hokusai/openapi.yaml with the request's method and path (loaded on the first
 * call, so the mock starts without it). The body, or the 422 with pydantic's items and X-Request-ID.
 */
export async function contractRequest(request: Request): Promise<ContractRequest> {
  if (!hokusai) {
    const contract = loadContract(file)
    hokusai = { contract, table: buildRouteTable(contract.operations) }
  }
  const url = new URL(request.url)
  const match = hokusai.table.match(request.method, url.pathname)
  if (!match.found) throw new Error(`contractwright mock: ${request.method} ${url.pathname} is not an operation of ${file}`)
  const body = await request.arrayBuffer().then((bytes) => Buffer.from(bytes), () => undefined)
  const verdict = fastapiValidate(hokusai.contract, match.op, { method: request.method, url, headers: Object.fromEntries(request.headers), body }, match.params)
  if (!verdict.ok) return { ok: false, response: validationError(verdict.detail, requestIdFor(request)) }
  return { ok: true, body: (verdict.body ?? {}) as Record<string, unknown> }
}
