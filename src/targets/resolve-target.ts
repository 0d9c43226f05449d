import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'dotenv'
import type { Contract, VariableSpec } from '../contract/contract.js'
import { ConfigError } from '../errors.js'
import { BASE_URL_VARIABLE } from '../contract/plain-variables.js'
import { isSecretName } from '../contract/secret-name.js'
import { principalCredentials } from './mock-principals.js'
import type { Target } from './target.js'

export const DEFAULT_TARGET = 'mock'
export const LIVE_TARGET = 'live'
export const MOCK_ENV_FILE = '.env.mock-server'

/** CONTRACT_TARGET, else `live` when CONTRACT_BASE_URL points at a server, else the built-in mock. */
export function targetName(env: Record<string, string | undefined>): string {
  return env.CONTRACT_TARGET || (env[BASE_URL_VARIABLE] ? LIVE_TARGET : DEFAULT_TARGET)
}

/**
 * The one place that reads the environment. Precedence: process env, then `.env.<target>`, then
 * `.env`, then the contract's default. Every missing or malformed variable is reported at once.
 */
export function resolveTarget(contracts: readonly Contract[], env: Record<string, string | undefined>, cwd = process.cwd()): Target {
  const { name, targetFile, files, values: fromFiles } = readTargetFiles(env, cwd)
  // A contract none of whose required variables is set is simply not part of this target (a staging
  // file for one platform only); a contract with some set and some missing is a configuration error.
  const live = name !== DEFAULT_TARGET
  const unconfigured = !live ? [] : contracts.filter((c) => c.variables.every((v) => v.optional || !(env[v.name] || fromFiles[v.name] || v.serverDefault)))
  if (unconfigured.length === contracts.length && contracts.length > 0) {
    const needed = uniqueVariables(contracts).filter((v) => !v.optional).map((v) => `  ${v.name}  ${v.description}`)
    throw new ConfigError(`target "${name}" configures no contract. Add the variables of at least one platform to .env.${name} (see .env.example):\n${needed.join('\n')}`, { missing: [], file: `.env.${name}` })
  }
  const specs = uniqueVariables(contracts.filter((c) => !unconfigured.includes(c)))
  const values: Record<string, string> = {}
  // a live target falls back to the document's first servers entry; the mock target never does
  const raw = (v: VariableSpec) => env[v.name] || fromFiles[v.name] || (live ? v.serverDefault : undefined) || undefined
  for (const v of specs) {
    const value = raw(v)
    if (value !== undefined) values[v.name] = value
  }
  for (const v of specs) if (values[v.name] === undefined && v.default !== undefined) values[v.name] = v.default.replace(/\$\{(\w+)\}/g, (_, ref: string) => values[ref] ?? '')
  const missing = specs.filter((v) => !v.optional && values[v.name] === undefined && (live || !v.generatedMock))
  if (missing.length > 0) {
    const where = name === DEFAULT_TARGET
      ? `${targetFile} (written by the mock server: run \`npm run mock\`, or let \`npx playwright test\` start it)`
      : `.env.${name} (see .env.example)`
    const width = Math.max(...missing.map((v) => v.name.length))
    throw new ConfigError(
      `target "${name}" is missing ${missing.length} variable${missing.length > 1 ? 's' : ''}. Add ${missing.length > 1 ? 'them' : 'it'} to ${where}:\n`
        + missing.map((v) => `  ${v.name.padEnd(width)}  ${v.description}${v.secret ? ' (secret)' : ''}`).join('\n'),
      { missing: missing.map((v) => v.name), file: name === DEFAULT_TARGET ? targetFile : `.env.${name}` },
    )
  }
  const malformed = specs.filter((v) => v.host !== undefined && values[v.name] !== undefined && !isHttpUrl(values[v.name]!))
  if (malformed.length > 0) {
    throw new ConfigError(`target "${name}" has ${malformed.length} malformed URL variable(s):\n`
      + malformed.map((v) => `  ${v.name}=${values[v.name]}  must be an http(s) URL`).join('\n'), { file: files[0] })
  }
  const baseUrls: Record<string, string> = {}
  const hostVariables: Record<string, string> = {}
  const credentials: Record<string, string | undefined> = {}
  for (const v of specs) {
    if (v.host && values[v.name]) { baseUrls[v.host] = values[v.name]!.replace(/\/+$/, ''); hostVariables[v.host] = v.name }
    if (v.credential) credentials[v.credential] = values[v.name]
  }
  // the mock's principals (src/targets/mock-principals.ts) are credentials of the mock target only
  const principals = live ? {} : principalCredentials({ ...fromFiles, ...env })
  return {
    name, variables: values, baseUrls, hostVariables,
    credentials: { ...credentials, ...principals },
    secrets: secretValues(fromFiles, env),
    unconfigured: unconfigured.map((c) => c.title),
    readOnly: name === 'production' || env.CONTRACT_READONLY === '1',
    allowMutations: env.CONTRACT_ALLOW_MUTATIONS === '1',
    timeoutMs: Number(env.CONTRACT_TIMEOUT_MS) > 0 ? Number(env.CONTRACT_TIMEOUT_MS) : 15_000,
    files,
  }
}

/** The env files a target reads, lowest precedence first merged under the higher: `.env.<target>` over `.env`. */
export function readTargetFiles(env: Record<string, string | undefined>, cwd = process.cwd()) {
  const name = targetName(env)
  const targetFile = name === DEFAULT_TARGET ? env.MOCK_ENV_FILE || MOCK_ENV_FILE : `.env.${name}`
  const files = [targetFile, ...(name === DEFAULT_TARGET ? [] : ['.env'])].filter((f) => existsSync(resolve(cwd, f)))
  const values: Record<string, string> = {}
  for (const file of [...files].reverse()) Object.assign(values, parse(readFileSync(resolve(cwd, file))))
  return { name, targetFile, files, values }
}

/** Every configured secret (src/contract/secret-name.ts: _KEY, _TOKEN, MOCK_KEY_… names), from the env files and the process. */
export function secretValues(fromFiles: Record<string, string>, env: Record<string, string | undefined>): string[] {
  const all = [...Object.entries(fromFiles), ...Object.entries(definedOnly(env))] // an overridden value is still a secret
  return [...new Set(all.filter(([key, value]) => isSecretName(key) && value.length > 0).map(([, value]) => value))]
}

function uniqueVariables(contracts: readonly Contract[]): VariableSpec[] {
  const byName = new Map<string, VariableSpec>()
  for (const c of contracts) for (const v of c.variables) if (!byName.has(v.name)) byName.set(v.name, v)
  return [...byName.values()]
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}
