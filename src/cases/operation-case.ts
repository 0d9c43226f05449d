import type { Contract, Operation } from '../contract/contract.js'
import type { Case, CaseCredential } from './case.js'
import { expectedStatus } from './example-request.js'
import { encodePathValue } from './path-template.js'
import { firstScheme } from './positive.js'
import { caseTitle, opTags } from './titles.js'

/** What a hand-written spec may say about one request; everything else comes from the contract. */
export interface OperationInput {
  path?: Record<string, string | number>
  query?: Record<string, string | number | boolean>
  headers?: Record<string, string>
  body?: unknown
  rawBody?: string
  /** 'valid' (default on secured operations), 'none', 'invalid', or explicit scheme/key pairs. */
  auth?: 'valid' | 'none' | 'invalid' | CaseCredential[]
  credential?: string // which x-variables credential 'valid' means (default: the operation's)
  host?: string
  /** Send to this absolute URL instead of the host's base URL + the contract path; still checked as this operation. */
  url?: string
  expect?: Array<string | number> // default: the operation's lowest 2xx
  name?: string
}

/** A case for an operation built from explicit input: the bridge from hand-written specs to the same checks. */
export function operationCase(contract: Contract, op: Operation, input: OperationInput = {}): Case {
  let path = op.path
  for (const [name, value] of Object.entries(input.path ?? {})) {
    path = path.replace(`{${name}}`, encodePathValue(value))
  }
  const missing = /\{([^}]+)\}/.exec(path)
  if (missing) throw new Error(`contractwright: ${op.id} needs path parameter "${missing[1]}" (${op.pointer})`)
  const scheme = firstScheme(contract, op)
  const auth: CaseCredential[] = Array.isArray(input.auth) ? input.auth
    : input.auth === 'none' || !scheme ? []
    : [{ scheme, key: input.auth === 'invalid' ? 'invalid' : 'valid' }]
  const headers = { ...(input.headers ?? {}) }
  if (input.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
  const statuses = (input.expect ?? [expectedStatus(op, 'default') ?? '200']).map(String)
  const name = input.name ?? `${statuses.join(' or ')} as expected`
  return {
    id: `${op.id}:explicit:${name}`,
    title: caseTitle(op, name),
    operationId: op.id,
    kind: auth.every((a) => a.key === 'valid') && (auth.length > 0 || !scheme) ? 'positive' : 'auth',
    name,
    request: {
      method: op.method, host: input.host ?? op.hosts[0] ?? 'default', path, url: input.url,
      query: Object.fromEntries(Object.entries(input.query ?? {}).map(([k, v]) => [k, String(v)])),
      headers, body: input.body, rawBody: input.rawBody, credential: input.credential ?? op.credential, auth,
    },
    expect: { statuses, service: op.service },
    tags: opTags(op),
    mutates: !op.safe,
  }
}
