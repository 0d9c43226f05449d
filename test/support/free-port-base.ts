import { createServer } from 'node:net'

/** A base port whose next `count` ports are free on loopback, so parallel runs never share a mock. */
export async function freePortBase(count = 4): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 2_000) * 10
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)))
    if (free.every(Boolean)) return base
  }
  throw new Error('contractwright test: no free loopback port range found')
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
