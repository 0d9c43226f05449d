import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { request as httpRequest } from 'node:http'
import { test } from 'node:test'
import { ConfigError } from '../errors.js'
import { serveHosts } from './serve-handlers.js'

// a free base port: ask the OS for one, then use it and the next
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

const echo = async (request: Request) => {
  const headers = new Headers({ 'content-type': 'application/json', 'x-host': 'echo' })
  headers.append('set-cookie', 'a=1')
  headers.append('set-cookie', 'b=2')
  return new Response(JSON.stringify({
    method: request.method, url: request.url, body: await request.text(), auth: request.headers.get('authorization'),
  }), { status: 201, headers })
}

const modes = [{ inProcessRequests: false }, { inProcessRequests: true }]

for (const mode of modes) test(`each host gets its own port; requests and responses round-trip (${JSON.stringify(mode)})`, async () => {
  const portBase = await freePort()
  const served = await serveHosts({ api: echo, auth: async () => new Response('auth', { status: 418 }) }, { portBase, maxBodyBytes: 64, ...mode })
  try {
    assert.deepEqual(served.urls, { api: `http://127.0.0.1:${portBase}`, auth: `http://127.0.0.1:${portBase + 1}` })
    const response = await fetch(`${served.urls.api}/a/b?c=d`, { method: 'POST', body: 'hi', headers: { authorization: 'Bearer cw-test' } })
    assert.equal(response.status, 201)
    assert.equal(response.headers.get('x-host'), 'echo')
    assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2'])
    assert.deepEqual(await response.json(), { method: 'POST', url: `${served.urls.api}/a/b?c=d`, body: 'hi', auth: 'Bearer cw-test' })
    assert.equal((await fetch(`${served.urls.auth}/x`)).status, 418)
  } finally {
    await served.close()
  }
})

test('a body over the limit → 413 JSON, and the server keeps serving', async () => {
  const portBase = await freePort()
  const served = await serveHosts({ api: echo }, { portBase, maxBodyBytes: 64 })
  try {
    const response = await fetch(`${served.urls.api}/x`, { method: 'POST', body: 'x'.repeat(500) })
    assert.equal(response.status, 413)
    assert.match((await response.json() as { detail: string }).detail, /larger than 64 bytes/)
    assert.equal((await fetch(`${served.urls.api}/x`, { method: 'POST', body: 'ok' })).status, 201)
  } finally {
    await served.close()
  }
})

for (const mode of modes) test(`a handler that throws → 500 JSON and onError; a method Fetch refuses → 405; HEAD has no body (${JSON.stringify(mode)})`, async () => {
  const portBase = await freePort()
  const errors: unknown[] = []
  const served = await serveHosts({
    boom: async () => { throw new Error('bug') },
    api: echo,
  }, { portBase, onError: (error) => errors.push(error), ...mode })
  try {
    const response = await fetch(`${served.urls.boom}/`)
    assert.equal(response.status, 500)
    assert.equal(response.headers.get('content-type'), 'application/json')
    assert.equal(errors.length, 1)
    const trace = await raw(portBase + 1, 'TRACE', '/')
    assert.equal(trace.status, 405)
    const head = await raw(portBase + 1, 'HEAD', '/')
    assert.equal(head.status, 201)
    assert.equal(head.body, '')
  } finally {
    await served.close()
  }
})

for (const mode of modes) test(`a binary body reaches the handler byte for byte, clones included (${JSON.stringify(mode)})`, async () => {
  const portBase = await freePort()
  const bytes = new Uint8Array([0, 255, 1, 0xc3, 0x28, 128])
  const served = await serveHosts({
    api: async (request) => {
      const copy = new Uint8Array(await request.clone().arrayBuffer())
      return Response.json({ same: Buffer.from(copy).equals(Buffer.from(await request.arrayBuffer())), hex: Buffer.from(copy).toString('hex') })
    },
  }, { portBase, ...mode })
  try {
    const response = await fetch(`${served.urls.api}/upload`, { method: 'PUT', body: bytes })
    assert.deepEqual(await response.json(), { same: true, hex: Buffer.from(bytes).toString('hex') })
  } finally {
    await served.close()
  }
})

test('a port in use → one ConfigError naming the port and MOCK_PORT_BASE; nothing left listening', async () => {
  const portBase = await freePort()
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(portBase + 1, '127.0.0.1', resolve))
  try {
    await assert.rejects(serveHosts({ api: echo, auth: echo }, { portBase }), (error: unknown) => {
      assert.ok(error instanceof ConfigError)
      assert.match(error.message, new RegExp(`^contractwright: port ${portBase + 1} \\(host "auth"\\).*in use.*MOCK_PORT_BASE`))
      return true
    })
    // the first host's server was closed again: its port is free
    const again = await serveHosts({ api: echo }, { portBase })
    await again.close()
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
  }
})

function raw(port: number, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = ''
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}
