// `npm run mock` (mocks/start.mjs bundles and runs this file): serves every public host of the mock platforms on
// loopback, one port each, and writes the env file only once every port listens.
import { renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ConfigError } from '../src/errors.js'
import { selectFaults, serveHosts, type HostHandler } from '../src/mocks/index.js'
import { faults as knownFaults } from './faults/index.js'
import { renderMockEnv } from './mock-env.js'
import { createPlatform } from './platform.js'
import { createKeyTable } from './services/auth/key-table.js'

// api 4010, registry 4011, auth 4012, catalog 4013 (ARCHITECTURE.md)
const hostOrder = ['api', 'registry', 'auth', 'catalog']

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const portBase = parsePortBase(env.MOCK_PORT_BASE)
  const envFile = resolve(env.MOCK_ENV_FILE ?? '.env.mock-server')
  const faults = selectFaults(env.MOCK_FAULTS ?? '', knownFaults)
  // MOCK_KEY_SEED makes the generated keys reproducible (the secrets canary test plants one this way)
  const platform = await createPlatform({ faults, keys: env.MOCK_KEY_SEED ? createKeyTable(env.MOCK_KEY_SEED) : undefined })
  const ordered: Record<string, HostHandler> = {}
  for (const name of [...hostOrder, ...Object.keys(platform.hosts)]) {
    if (platform.hosts[name] !== undefined) ordered[name] = platform.hosts[name]
  }
  const served = await serveHosts(ordered, {
    portBase,
    hostname: '127.0.0.1',
    // the platform's handlers only read requests and pass them between services (bench/findings.md)
    inProcessRequests: true,
    onError: (error, request) => console.error(`contractwright mock: handler failed on ${request.method} ${request.url}:`, error),
  })
  // write then rename: a reader polling for the file never sees half of it
  const temporary = `${envFile}.${process.pid}.tmp`
  writeFileSync(temporary, renderMockEnv(served.urls, platform.keys, faults.map((f) => f.name)), { mode: 0o600 })
  renameSync(temporary, envFile)

  for (const [name, url] of Object.entries(served.urls)) console.log(`contractwright mock: ${name.padEnd(8)} ${url}`)
  console.log(`contractwright mock: faults ${faults.length === 0 ? '(none)' : faults.map((f) => f.name).join(', ')}`)
  console.log(`contractwright mock: wrote ${envFile}`)

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void served.close().then(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

function parsePortBase(value: string | undefined): number {
  if (value === undefined || value === '') return 4010
  const port = Number(value)
  // four consecutive ports must fit below 65536
  if (!Number.isInteger(port) || port < 1 || port > 65535 - hostOrder.length + 1) {
    throw new ConfigError(`contractwright: MOCK_PORT_BASE=${value} is not a usable port; use an integer from 1 to ${65536 - hostOrder.length} (default 4010)`)
  }
  return port
}

main(process.env).catch((error: unknown) => {
  // usage errors are one clear message; anything else is a bug and keeps its stack
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
