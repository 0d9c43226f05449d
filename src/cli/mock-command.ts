import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'
import { mockCredentials, mockVariables, writeMockEnvFile } from '../mocks/generated/mock-env.js'
import { serveGeneratedMock } from '../mocks/generated/serve.js'
import { MOCK_ENV_FILE } from '../targets/resolve-target.js'

export const MOCK_USAGE = `contractwright mock --spec <file|url> [--port <n>] [--host <address>] [--seed <n>] [--stateful] [--errors fastapi] [--env-out <file>]

Serves a mock generated from an OpenAPI document (3.0, 3.1 or Swagger 2.0) until Ctrl-C: each
operation answers its lowest documented 2xx with the document's example or a body generated from
the schema; \`Prefer: code=404\`, \`Prefer: example=<name>\` and \`Prefer: dynamic=true\` choose
another; a request that breaks the document gets the documented 400/401/415/422 (else 400) with a
problem body naming the parameter or JSON pointer. Writes the base URL and fresh test credentials
(one per security scheme) to .env.mock-server, which \`npx playwright test\` reads.

  --spec <file|url>   the OpenAPI document (required)
  --port <n>          the port (default: any free port)
  --host <address>    the address to listen on (default 127.0.0.1)
  --seed <n>          generated bodies are the same for the same seed (default 1)
  --stateful          created resources can be read, updated and deleted (default: every answer is the document's)
  --errors fastapi    a refused request gets FastAPI's 422 {"detail": [...]} of pydantic v2 errors, not a problem body
  --env-out <file>    where the variables go (default .env.mock-server; not --env-file, which Node 20 reads itself)`

/** `contractwright mock`: serves until SIGINT/SIGTERM, then removes its env file; returns the exit code. */
export async function mockCommand(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    spec: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' },
    stateful: { type: 'boolean' }, errors: { type: 'string' }, 'env-out': { type: 'string' },
  } })
  if (!values.spec) throw new ConfigError('mock needs --spec <file|url>: the OpenAPI document to serve')
  const port = integerOption('--port', values.port, 0, 65535)
  const seed = integerOption('--seed', values.seed, 0, 2 ** 31 - 1)
  if (values.errors !== undefined && values.errors !== 'fastapi' && values.errors !== 'problem') throw new ConfigError(`--errors must be fastapi or problem, got "${values.errors}"`)
  const contract = loadContract(/^https?:\/\//i.test(values.spec) ? values.spec : resolve(cwd, values.spec))
  const credentials = mockCredentials([contract])
  const served = await serveGeneratedMock(contract, { port, seed, hostname: values.host, credentials, stateful: values.stateful, errors: values.errors as 'fastapi' | 'problem' | undefined })
    .catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port ?? 0}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`)
    })
  const envFile = resolve(cwd, values['env-out'] ?? MOCK_ENV_FILE)
  writeMockEnvFile(envFile, mockVariables([contract], served.baseUrl, credentials), `written by contractwright mock --spec ${values.spec}; removed when it stops`)
  console.log(`contractwright mock: "${contract.title}" (${contract.operations.length} operations${values.stateful ? ', stateful' : ''}) at ${served.baseUrl}`)
  console.log(`wrote ${envFile} (base URL and test credentials); stop with Ctrl-C`)
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done())
  })
  await served.close()
  rmSync(envFile, { force: true })
  return 0
}

function integerOption(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) throw new ConfigError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`)
  return n
}
