import { createHash } from 'node:crypto'
import { compileSchemas } from '../contract/compile-schemas.js'
import type { Contract, Operation } from '../contract/contract.js'
import type { Location } from '../contract/documents.js'
import fc from 'fast-check'
import { pathSafe } from '../generation/request-arbitrary.js'
import { GenerationError, validArbitrary } from '../generation/valid-arbitrary.js'
import type { CaseRequest } from './case.js'
import { encodePathValue } from './path-template.js'

/** The example names an operation offers across its parameters and JSON request body. */
export function exampleNames(op: Operation): string[] {
  const names = new Set<string>()
  for (const p of op.parameters) for (const n of Object.keys(p.examples)) names.add(n)
  for (const n of Object.keys(jsonBody(op)?.examples ?? {})) names.add(n)
  names.delete('default')
  return names.size > 0 ? [...names] : ['default']
}

export function jsonBody(op: Operation) {
  return op.requestBody?.content.find((m) => /[/+]json$/.test(m.mediaType)) ?? op.requestBody?.content[0]
}

/** The example called `name`, else the single 'default' one, else the only one. */
function pick(examples: Record<string, unknown>, name: string): { found: boolean; value?: unknown } {
  if (name in examples) return { found: true, value: examples[name] }
  if ('default' in examples) return { found: true, value: examples.default }
  const values = Object.values(examples)
  return values.length >= 1 ? { found: true, value: values[0] } : { found: false }
}

/**
 * Builds the request for example `name`, or the reason it cannot be built. A required parameter or
 * a body without an example gets a value generated from its schema, the same on every run and in
 * every worker (seeded by operation and field); `generated` then lists those fields.
 */
export function exampleRequest(contract: Contract, op: Operation, name: string): { request: CaseRequest; generated: string[] } | { reason: string } {
  let path = op.path
  const query: Record<string, string> = {}
  const headers: Record<string, string> = {}
  const cookies: string[] = []
  const generated: string[] = []
  for (const p of op.parameters) {
    const chosen = pick(p.examples, name)
    if (!chosen.found && !p.required) continue
    const made = chosen.found ? chosen : generate(contract, op, `${p.in} parameter "${p.name}"`, p.schema, p.in === 'path')
    if ('reason' in made) return made
    if (!chosen.found) generated.push(`${p.in} parameter "${p.name}"`)
    const value = typeof made.value === 'object' && made.value !== null ? JSON.stringify(made.value) : String(made.value)
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodePathValue(value))
    else if (p.in === 'query') query[p.name] = value
    else if (p.in === 'header') headers[p.name] = value
    else cookies.push(`${p.name}=${encodeURIComponent(value)}`)
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ')
  const unfilled = /\{([^}]+)\}/.exec(path.replace(/\{\{unique\}\}/g, ''))
  if (unfilled) return { reason: `path parameter "${unfilled[1]}" is not declared` }
  const request: CaseRequest = { method: op.method, host: op.hosts[0] ?? 'default', path, query, headers, credential: op.credential, auth: [] }
  const media = jsonBody(op)
  if (media) {
    const chosen = pick(media.examples, name)
    const generable = /[/+]json$|^multipart\/form-data|^application\/x-www-form-urlencoded/.test(media.mediaType)
    if (chosen.found) {
      request.body = chosen.value
      headers['content-type'] = media.mediaType
    } else if (generable && media.schema) {
      const made = generate(contract, op, `the ${media.mediaType} request body`, media.schema)
      if ('reason' in made) return made
      request.body = made.value
      headers['content-type'] = media.mediaType
      generated.push('the request body')
    } else if (op.requestBody?.required) {
      return { reason: `no usable example for the ${media.mediaType} request body` }
    }
  }
  return { request, generated }
}

/** A schema-valid value for one field, seeded by operation and field so every worker builds the same case. */
function generate(contract: Contract, op: Operation, what: string, schema: Location | undefined, inPath = false): { value: unknown } | { reason: string } {
  if (!schema) return { reason: `no usable example for ${what} (and no schema to generate one from)` }
  const seed = createHash('sha256').update(`${op.id} ${what}`).digest().readUInt32BE(0)
  try {
    const valid = validArbitrary(contract.documents, compileSchemas(contract.documents), schema, 'request')
    return { value: fc.sample(inPath ? valid.filter(pathSafe) : valid, { seed, numRuns: 1 })[0] }
  } catch (error) {
    if (error instanceof GenerationError) return { reason: `no usable example for ${what}: ${error.message.replace(/^contractwright: /, '')}` }
    throw error
  }
}

const AUTH_STATUSES = new Set(['401', '402', '403', '407', '429'])

/**
 * Every status with a response example of this name: an example documented under several statuses
 * (two generations of a server answering differently, both deployed) accepts any of them.
 */
export function pairedStatuses(op: Operation, name: string): string[] {
  return name === 'default' ? [] : op.responses.filter((r) => r.content.some((m) => name in m.examples)).map((r) => r.status)
}

/**
 * The status a response example named `name` is declared under, else the lowest declared 2xx, else
 * (an operation with no success, such as a disabled debug route) the lowest non-auth status whose
 * response carries a `default` example: the outcome the contract documents for a plain request.
 */
export function expectedStatus(op: Operation, name: string): string | undefined {
  const paired = pairedStatuses(op, name)[0]
  if (paired !== undefined) return paired
  const success = op.responses.map((r) => r.status).filter((s) => /^2/.test(s)).sort()[0]
  if (success !== undefined) return success
  return op.responses.filter((r) => !AUTH_STATUSES.has(r.status) && r.content.some((m) => 'default' in m.examples))
    .map((r) => r.status).sort()[0]
}
