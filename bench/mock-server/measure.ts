import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'dotenv'
import { assertPortFree, timeCommand } from '../lib/command.js'
import { median } from '../lib/stats.js'

export interface ServerFigures { rps: number; p50Ms: number; p99Ms: number; runs: number[] }
export interface MockServerResult {
  load: string
  operations: Array<{
    name: string; request: string; servers: Record<ServerName, ServerFigures>
    /** the platform mock (hand-written MSW services behind the load balancer) */
    vsPrism: number; vsBare: number
    /** the mock generated from the same document (`contractwright mock`), against a bare server sending its bytes */
    generatedVsPrism: number; generatedVsBare: number
  }>
}
type ServerName = 'contractwright' | 'generated' | 'bare' | 'bareGenerated' | 'prism'

// the platform mock takes 4110-4113 (api, registry, auth, catalog)
const PORTS = { mock: 4110, prism: 4120, bare: 4130, generated: 4150 }
const CONNECTIONS = 32
const SECONDS = 5

/**
 * Requests per second and latency of a GET and a POST operation on loopback: our mock platform, the
 * mock generated from the same contract (`contractwright mock`), a bare node:http server sending the
 * bytes each of them sent (the ceiling), and Prism mocking the same contract. autocannon
 * drives each in turn with 32 connections for 5 s, after a 2 s warm-up; runs interleave the servers.
 */
export async function measureMockServer(root: string, runs: number, log: (line: string) => void): Promise<MockServerResult> {
  const tools = join(root, 'bench', 'tools', 'node_modules', '.bin')
  for (const [what, port] of Object.entries(PORTS)) await assertPortFree(port, what)
  const envFile = join(root, 'bench', '.out', 'mock-server', '.env.mock-server')
  mkdirSync(dirname(envFile), { recursive: true })
  const children: ChildProcess[] = []
  try {
    children.push(await start('platform mock', 'node', ['--enable-source-maps', 'mocks/start.mjs'], root, { MOCK_PORT_BASE: String(PORTS.mock), MOCK_ENV_FILE: envFile }, /wrote/))
    const generatedEnv = join(dirname(envFile), '.env.generated-mock')
    children.push(await start('contractwright mock', 'node', ['--import', 'tsx', 'src/cli/main.ts', 'mock', '--spec', 'contracts/hokusai/openapi.yaml', '--port', String(PORTS.generated), '--env-out', generatedEnv], root, {}, /wrote/))
    const key = parse(readFileSync(envFile))['HOKUSAI_API_KEY']!
    const operations = [
      { name: 'GET getModelInfo', method: 'GET', port: PORTS.mock, path: '/api/v1/models/21/info', body: undefined },
      { name: 'POST validateApiKey', method: 'POST', port: PORTS.mock + 2, path: '/api/v1/keys/validate', body: JSON.stringify({ service_id: 'platform', client_ip: '203.0.113.7' }) },
    ]
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
    // the bytes the mock answers are what the bare server sends back
    const captured = []
    for (const op of operations) {
      for (const [mock, url, prefix] of [['platform mock', `http://127.0.0.1:${op.port}${op.path}`, ''], ['generated mock', `http://127.0.0.1:${PORTS.generated}${op.path}`, '/generated']] as const) {
        const res = await fetch(url, { method: op.method, headers, body: op.body })
        if (res.status !== 200) throw new Error(`bench: the ${mock} answered ${op.name} with ${res.status}, not 200: ${await res.text()}`)
        captured.push({ method: op.method, path: `${prefix}${op.path}`, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() })
      }
    }
    children.push(await start('bare node:http', 'node', ['--import', 'tsx', 'bench/mock-server/bare-server.ts'], root, { BARE_PORT: String(PORTS.bare), BARE_ROUTES: JSON.stringify(captured) }, /bare server/))
    children.push(await start('Prism', join(tools, 'prism'), ['mock', '-v', 'silent', '-p', String(PORTS.prism), 'contracts/hokusai/openapi.yaml'], root, {}, undefined, PORTS.prism))

    const results: MockServerResult['operations'] = []
    for (const op of operations) {
      const urls: Record<ServerName, string> = {
        contractwright: `http://127.0.0.1:${op.port}${op.path}`, generated: `http://127.0.0.1:${PORTS.generated}${op.path}`,
        bare: `http://127.0.0.1:${PORTS.bare}${op.path}`, bareGenerated: `http://127.0.0.1:${PORTS.bare}/generated${op.path}`, prism: `http://127.0.0.1:${PORTS.prism}${op.path}`,
      }
      const samples: Record<ServerName, Array<{ rps: number; p50: number; p99: number }>> = { contractwright: [], generated: [], bare: [], bareGenerated: [], prism: [] }
      for (const server of Object.keys(urls) as ServerName[]) await autocannon(tools, urls[server], op, headers, 2) // warm-up: JIT, caches
      for (let run = 1; run <= runs; run++) {
        for (const server of Object.keys(urls) as ServerName[]) samples[server].push(await autocannon(tools, urls[server], op, headers, SECONDS))
        log(`  ${op.name} run ${run}/${runs}: ${(Object.keys(urls) as ServerName[]).map((s) => `${s} ${Math.round(samples[s].at(-1)!.rps)} req/s`).join(', ')}`)
      }
      const figures = Object.fromEntries(Object.entries(samples).map(([server, list]) => [server, {
        rps: median(list.map((x) => x.rps)), p50Ms: median(list.map((x) => x.p50)), p99Ms: median(list.map((x) => x.p99)), runs: list.map((x) => Math.round(x.rps)),
      }])) as Record<ServerName, ServerFigures>
      results.push({
        name: op.name, request: `${op.method} ${op.path}`, servers: figures,
        vsPrism: figures.contractwright.rps / figures.prism.rps, vsBare: figures.contractwright.rps / figures.bare.rps,
        generatedVsPrism: figures.generated.rps / figures.prism.rps, generatedVsBare: figures.generated.rps / figures.bareGenerated.rps,
      })
    }
    return { load: `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per sample after a 2 s warm-up, loopback`, operations: results }
  } finally {
    for (const child of children) child.kill('SIGTERM')
  }
}

async function autocannon(tools: string, url: string, op: { method: string; body?: string; name: string }, headers: Record<string, string>, seconds: number) {
  const args = ['--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-m', op.method, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), ...(op.body ? ['-b', op.body] : []), url]
  const result = await timeCommand(join(tools, 'autocannon'), args)
  const json = JSON.parse(result.output.slice(result.output.indexOf('{'))) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; '2xx': number }
  // a server answering errors fast is not fast: every answer must be the 200 the operation documents
  if (json.non2xx > 0 || json.errors > 0 || json['2xx'] === 0) throw new Error(`bench: ${op.name} on ${url}: ${json.non2xx} non-2xx answers and ${json.errors} errors out of ${json['2xx'] + json.non2xx}`)
  return { rps: json.requests.average, p50: json.latency.p50, p99: json.latency.p99 }
}

function start(what: string, command: string, args: string[], cwd: string, env: Record<string, string>, ready?: RegExp, port?: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => { child.kill(); reject(new Error(`bench: ${what} did not start within 60 s:\n${output.slice(-2000)}`)) }, 60_000)
    const done = () => { clearTimeout(timer); resolve(child) }
    const onData = (chunk: Buffer) => { output += chunk; if (ready?.test(output)) done() }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`bench: ${what} exited with ${code}:\n${output.slice(-2000)}`)) })
    if (port !== undefined) void pollPort(port).then(done)
  })
}

async function pollPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}
