import type { Operation } from '../contract/contract.js'
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

/** Builds the request for example `name`, or the reason it cannot be built. */
export function exampleRequest(op: Operation, name: string): { request: CaseRequest } | { reason: string } {
  let path = op.path
  const query: Record<string, string> = {}
  const headers: Record<string, string> = {}
  for (const p of op.parameters) {
    const chosen = pick(p.examples, name)
    if (!chosen.found) {
      if (p.required) return { reason: `no usable example for ${p.in} parameter "${p.name}"` }
      continue
    }
    const value = String(chosen.value)
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodePathValue(value))
    else if (p.in === 'query') query[p.name] = value
    else if (p.in === 'header') headers[p.name] = value
  }
  const unfilled = /\{([^}]+)\}/.exec(path.replace(/\{\{unique\}\}/g, ''))
  if (unfilled) return { reason: `path parameter "${unfilled[1]}" is not declared` }
  const request: CaseRequest = { method: op.method, host: op.hosts[0] ?? 'default', path, query, headers, credential: op.credential, auth: [] }
  const media = jsonBody(op)
  if (media) {
    const chosen = pick(media.examples, name)
    if (chosen.found) {
      request.body = chosen.value
      headers['content-type'] = media.mediaType
    } else if (op.requestBody?.required) {
      return { reason: `no usable example for the ${media.mediaType} request body` }
    }
  }
  return { request }
}

const AUTH_STATUSES = new Set(['401', '402', '403', '407', '429'])

/**
 * The status a response example named `name` is declared under, else the lowest declared 2xx, else
 * (an operation with no success, such as a disabled debug route) the lowest non-auth status whose
 * response carries a `default` example: the outcome the contract documents for a plain request.
 */
export function expectedStatus(op: Operation, name: string): string | undefined {
  for (const r of op.responses) if (r.content.some((m) => name in m.examples) && name !== 'default') return r.status
  const success = op.responses.map((r) => r.status).filter((s) => /^2/.test(s)).sort()[0]
  if (success !== undefined) return success
  return op.responses.filter((r) => !AUTH_STATUSES.has(r.status) && r.content.some((m) => 'default' in m.examples))
    .map((r) => r.status).sort()[0]
}
