// Packing this repository and installing the tarball into a fresh project, as a new user would.
import assert from 'node:assert/strict'
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const repo = resolve('.')
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }

// a new project knows nothing of this repository's mock settings
const { MOCK_PORT_BASE: _base, MOCK_ENV_FILE: _file, MOCK_FAULTS: _faults, CONTRACT_TARGET: _target, CONTRACT_BASE_URL: _url, ...cleanEnv } = process.env

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 300_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: { ...cleanEnv, CI: '1', ...env }, encoding: 'utf8', timeout })
}

export const output = (r: SpawnSyncReturns<string>) => `exit ${r.status}\n${r.stdout}\n${r.stderr}`.slice(-6000)

/** `npm pack` from a copy (prepack builds dist/ there, never in this working tree); returns the tarball's path. */
export function pack(work: string): string {
  const source = join(work, 'source')
  mkdirSync(source)
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src']) cpSync(join(repo, f), join(source, f), { recursive: true })
  symlinkSync(join(repo, 'node_modules'), join(source, 'node_modules'))
  const packed = run('npm', ['pack', '--pack-destination', work], source)
  assert.equal(packed.status, 0, `npm pack: ${output(packed)}`)
  return join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? assert.fail('npm pack wrote no tarball'))
}

/** A fresh project holding the packed library and the plain pets document as openapi.json; returns how it was installed. */
export function newPetsProject(work: string, project: string, name: string): string {
  const tarball = pack(work)
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2))
  const installedBy = install(tarball, project)
  cpSync(join(repo, 'test/fixtures/plain/pets-fastify.json'), join(project, 'openapi.json'))
  return installedBy
}

/** `npm install` from the local cache; offline with a cold cache, unpack the same tarball and link this repository's dependencies. */
export function install(tarball: string, project: string, extra: string[] = []): string {
  const wanted = [tarball, `@playwright/test@${pkg.devDependencies['@playwright/test']}`, ...extra]
  const npm = run('npm', ['install', ...wanted, '--prefer-offline', '--no-audit', '--no-fund'], project, {}, 180_000)
  if (npm.status === 0) return 'npm install'
  rmSync(join(project, 'node_modules'), { recursive: true, force: true })
  const modules = join(project, 'node_modules')
  mkdirSync(join(modules, '.bin'), { recursive: true })
  const unpack = join(project, '.unpack')
  mkdirSync(unpack)
  run('tar', ['xzf', tarball, '-C', unpack], project)
  renameSync(join(unpack, 'package'), join(modules, 'contractwright'))
  rmSync(unpack, { recursive: true })
  for (const dep of [...Object.keys(pkg.dependencies), '@playwright/test']) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true })
    symlinkSync(join(repo, 'node_modules', dep), join(modules, dep))
  }
  symlinkSync('../contractwright/dist/cli/main.js', join(modules, '.bin', 'contractwright'))
  symlinkSync('../@playwright/test/cli.js', join(modules, '.bin', 'playwright'))
  chmodSync(join(modules, 'contractwright', 'dist', 'cli', 'main.js'), 0o755)
  return `unpacked and linked (npm install failed: ${npm.stderr.split('\n').find((l) => /npm error/.test(l)) ?? npm.error?.message})`
}

/** The Fastify pets server of test/fixtures/pets-server on a free port, with one defect or none. */
export function startPetsServer(defect = ''): Promise<{ url: string; stop(): Promise<void> }> {
  return startListening('pets server', join(repo, 'test/fixtures/pets-server/server.mjs'), { ...cleanEnv, PETS_PORT: '0', PETS_DEFECT: defect })
}

/** A Node script in its own process (the runs under test block this one), once it prints "listening on <url>". */
export async function startListening(name: string, script: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((done, fail) => {
    let seen = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk
      const m = /listening on (\S+)/.exec(seen)
      if (m) done(m[1]!)
    })
    child.once('exit', (code) => fail(new Error(`${name} exited (${code}) before listening`)))
  })
  return { url, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill() }) }
}
