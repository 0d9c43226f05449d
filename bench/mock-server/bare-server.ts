// The ceiling: a bare node:http server answering each benchmarked request with the very bytes the
// mock answered it with (captured first), nothing else. BARE_PORT, BARE_ROUTES (JSON) from the bench.
import { createServer } from 'node:http'

interface Route { method: string; path: string; status: number; contentType: string; body: string }
const routes = new Map((JSON.parse(process.env.BARE_ROUTES ?? '[]') as Route[]).map((r) => [`${r.method} ${r.path}`, { ...r, bytes: Buffer.from(r.body) }]))

createServer((req, res) => {
  const route = routes.get(`${req.method} ${req.url}`)
  req.resume() // read (and drop) a request body, as any server must
  req.on('end', () => {
    if (!route) return res.writeHead(404).end()
    res.writeHead(route.status, { 'content-type': route.contentType, 'content-length': route.bytes.length }).end(route.bytes)
  })
}).listen(Number(process.env.BARE_PORT), '127.0.0.1', () => console.log(`bare server on ${process.env.BARE_PORT}`))
