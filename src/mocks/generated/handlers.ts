import { http, HttpResponse, type HttpHandler } from 'msw'
import type { Contract } from '../../contract/contract.js'
import { loadContract } from '../../contract/load-contract.js'
import { compileMock, type GeneratedMockOptions, type MockRequest } from './generated-mock.js'

export interface HandlersFromContractOptions extends GeneratedMockOptions {
  /** where the API lives as the code under test calls it (default: the document's first server, else http://localhost) */
  baseUrl?: string
}

/**
 * MSW handlers for every operation of a document, from the same route table the mock server uses:
 * one handler per operation, then one for unknown paths and methods. Put your own handlers in front
 * to override single operations: `setupServer(http.get(url, custom), ...handlersFromContract(doc))`.
 */
export function handlersFromContract(source: Contract | string, options: HandlersFromContractOptions = {}): HttpHandler[] {
  const contract = typeof source === 'string' ? loadContract(source) : source
  const mock = compileMock(contract, options)
  const base = (options.baseUrl ?? contract.servers.find((s) => /^https?:/i.test(s.url))?.url ?? 'http://localhost').replace(/\/+$/, '')
  const basePath = new URL(base).pathname.replace(/\/+$/, '')
  const toMock = async (request: Request): Promise<MockRequest> => {
    const url = new URL(request.url)
    url.pathname = url.pathname.slice(basePath.length) || '/'
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer())
    return { method: request.method, url, headers: Object.fromEntries(request.headers), body }
  }
  const toResponse = (answer: ReturnType<typeof mock.answer>) => new HttpResponse(answer.body ? new Uint8Array(answer.body) : null, { status: answer.status, headers: answer.headers })
  const perOperation = mock.table.routes.flatMap((route) => [...route.byMethod.values()].map((op) => {
    const path = `${base}${op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name.replace(/[^A-Za-z0-9_]/g, '_')}`)}`
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'
    return (http[method] ?? http.all)(path, async ({ request }) => {
      const req = await toMock(request)
      const match = mock.table.match(req.method, req.url.pathname)
      return toResponse(match.found ? mock.answerOperation(match.op, match.params, req) : mock.answer(req))
    })
  }))
  return [...perOperation, http.all(`${base}/*`, async ({ request }) => toResponse(mock.answer(await toMock(request))))]
}
