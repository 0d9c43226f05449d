import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface CommandResult {
  wallMs: number
  code: number | null
  output: string // the last 8 KiB of stdout and stderr
}

/** Runs a command to completion and times it from spawn to exit, as a user's shell would. */
export function timeCommand(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-8192) }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.once('error', reject)
    child.once('close', (code) => resolve({ wallMs: performance.now() - started, code, output }))
  })
}

/** Fails with the command line and its last output when a measured run did not pass: a failed run is not a time. */
export async function timePassingRun(label: string, command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CommandResult> {
  const result = await timeCommand(command, args, options)
  if (result.code !== 0) {
    throw new Error(`bench: ${label} exited with ${result.code}: ${[command, ...args].join(' ')}\n${result.output.split('\n').slice(-25).join('\n')}`)
  }
  return result
}

/** Throws when something already listens on the port: a reused server would hide its start-up time. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', () => reject(new Error(`bench: port ${port} (${what}) is in use; stop whatever listens there (a \`npm run mock\`?) and run again`)))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}
