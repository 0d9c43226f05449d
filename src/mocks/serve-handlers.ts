import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ConfigError } from '../errors.js'
import { InProcessRequest } from './in-process-request.js'

/** Answers one Fetch request for one host. */
export type HostHandler = (request: Request) => Promise<Response>

export interface ServeOptions {
  /** first port; hosts get consecutive ports in the order of the `hosts` object */
  portBase: number
  hostname?: '127.0.0.1'
  /** request bodies beyond this many bytes get 413 (default 1 MiB) */
  maxBodyBytes?: number
  /** called when a handler throws, before the 500 answer; default: nothing */
  onError?: (error: unknown, request: Request) => void
  /**
   * Hand handlers an `InProcessRequest` (body already in memory, cheap to clone) instead of a Fetch
   * Request: for handlers that read requests and pass them between services, not to `fetch` or
   * `new Request(input)`. Default false.
   */
  inProcessRequests?: boolean
}

export interface ServedHosts {
  /** host name → base URL, e.g. { api: 'http://127.0.0.1:4010' } */
  urls: Record<string, string>
  close(): Promise<void>
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: Buffer.from(JSON.stringify(body)),
})

/** Serves each host on its own loopback port, converting node:http ⇄ Fetch. Resolves once all listen. */
export async function serveHosts(hosts: Readonly<Record<string, HostHandler>>, options: ServeOptions): Promise<ServedHosts> {
  const hostname = options.hostname ?? '127.0.0.1'
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const servers: Server[] = []
  const urls: Record<string, string> = {}
  const close = async () => {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })))
  }
  try {
    for (const [index, [name, handler]] of Object.entries(hosts).entries()) {
      const port = options.portBase + index
      const server = createServer((req, res) => {
        void answer(req, res, handler, `http://${hostname}:${port}`, maxBodyBytes, options)
      })
      await listen(server, port, hostname, name, options.portBase)
      servers.push(server)
      urls[name] = `http://${hostname}:${port}`
    }
  } catch (error) {
    await close()
    throw error
  }
  return { urls, close }
}

function listen(server: Server, port: number, hostname: string, name: string, portBase: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error)
      reject(new ConfigError(
        `contractwright: port ${port} (host "${name}") on ${hostname} is already in use. ` +
        `Stop the process that holds it, or set MOCK_PORT_BASE to another base port (now ${portBase}).`,
      ))
    })
    server.listen(port, hostname, () => resolve())
  })
}

async function answer(
  req: IncomingMessage, res: ServerResponse, handler: HostHandler, origin: string,
  maxBodyBytes: number, options: ServeOptions,
): Promise<void> {
  let reply: { status: number; headers: Record<string, string>; body: Buffer; cookies?: string[] }
  try {
    const body = await readBody(req, maxBodyBytes)
    if (body === 'too-large') {
      reply = json(413, { detail: `Request body larger than ${maxBodyBytes} bytes` }, { connection: 'close' })
    } else {
      reply = await callHandler(req, body, handler, origin, options)
    }
  } catch {
    reply = json(400, { detail: 'Malformed request' }, { connection: 'close' })
  }
  if (res.destroyed) return
  res.statusCode = reply.status
  for (const [key, value] of Object.entries(reply.headers)) res.setHeader(key, value)
  if (reply.cookies !== undefined && reply.cookies.length > 0) res.setHeader('set-cookie', reply.cookies)
  res.end(req.method === 'HEAD' ? undefined : reply.body)
}

async function callHandler(
  req: IncomingMessage, body: Buffer, handler: HostHandler, origin: string, options: ServeOptions,
) {
  const path = req.url ?? '/'
  // absolute-form and `*` targets are not paths a load balancer forwards
  if (!path.startsWith('/')) return json(400, { detail: 'Malformed request target' }, { connection: 'close' })
  let request: Request
  try {
    const method = req.method ?? 'GET'
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item)
    }
    const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0
    const init = { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) }
    request = options.inProcessRequests ? new InProcessRequest(origin + path, init) : new Request(origin + path, init)
  } catch {
    // Fetch refuses some methods (CONNECT, TRACE, TRACK) and some header values outright
    return json(405, { detail: 'Method Not Allowed' })
  }
  try {
    const response = await handler(request)
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie' && key !== 'content-length' && key !== 'transfer-encoding') headers[key] = value
    })
    return {
      status: response.status,
      headers,
      body: Buffer.from(await response.arrayBuffer()),
      cookies: response.headers.getSetCookie(),
    }
  } catch (error) {
    options.onError?.(error, request)
    return json(500, { detail: 'contractwright mock: handler failed' })
  }
}

// Drains an oversized body instead of resetting the socket, so the client reads the 413.
function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBodyBytes) chunks.push(chunk)
      // a sender that keeps going far past the limit is cut off
      else if (size > maxBodyBytes * 16) req.destroy()
    })
    req.on('end', () => resolve(size > maxBodyBytes || declared > maxBodyBytes ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => { if (!req.complete) reject(new Error('client aborted')) })
  })
}
