import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Contract } from '../../contract/contract.js'
import { loadContract } from '../../contract/load-contract.js'
import { compileMock, type GeneratedMock, type GeneratedMockOptions } from './generated-mock.js'

export interface ServeGeneratedMockOptions extends GeneratedMockOptions {
  /** default 0: any free port */
  port?: number
  /** default 127.0.0.1 */
  hostname?: string
}

export interface ServedGeneratedMock {
  baseUrl: string
  mock: GeneratedMock
  close(): Promise<void>
}

/**
 * The generated mock on node:http, keep-alive, no framework in between: a request is matched in the
 * route table and answered with bytes prepared once, so the mock is not what a suite waits for.
 */
export async function serveGeneratedMock(source: Contract | string | ReadonlyArray<Contract | string>, options: ServeGeneratedMockOptions = {}): Promise<ServedGeneratedMock> {
  const contracts = [source].flat().map((c) => typeof c === 'string' ? loadContract(c) : c)
  const mock = contracts.length === 1 ? compileMock(contracts[0]!, options) : firstMatching(contracts.map((c) => compileMock(c, options)))
  const hostname = options.hostname ?? '127.0.0.1'
  let origin = ''
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return reply(mock, origin, req, res, undefined)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => reply(mock, origin, req, res, Buffer.concat(chunks)))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, hostname, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
  return {
    baseUrl: origin,
    mock,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

/** Several documents on one origin: the first whose route table has the path answers (404 from the first otherwise). */
function firstMatching(mocks: GeneratedMock[]): GeneratedMock {
  return {
    ...mocks[0]!,
    answer: (req) => (mocks.find((m) => { const hit = m.table.match(req.method, req.url.pathname); return hit.found || hit.status === 405 }) ?? mocks[0]!).answer(req),
  }
}

function reply(mock: GeneratedMock, origin: string, req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): void {
  let answer
  try {
    answer = mock.answer({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), headers: req.headers as Record<string, string | undefined>, body })
  } catch (error) {
    // a schema the generator cannot satisfy, say: the mock names it instead of dropping the connection
    const detail = error instanceof Error ? error.message : String(error)
    answer = { status: 500, headers: { 'content-type': 'application/problem+json' }, body: Buffer.from(JSON.stringify({ type: 'about:blank', title: 'contractwright mock error', status: 500, detail })) }
  }
  if (answer.body) answer.headers['content-length'] = String(answer.body.length)
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body)
}
