import type { Contract, Operation } from '../contract/contract.js'
import type { GeneratedRequest } from '../generation/request-arbitrary.js'
import type { Case, GeneratedKind } from './case.js'
import { firstScheme } from './positive.js'
import { caseTitle, opTags } from './titles.js'

const AUTH = new Set(['401', '402', '403', '407', '429'])
const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))

/** A generated request as a case: the same wire path, checks and report as every other case. */
export function generatedCase(contract: Contract, op: Operation, input: GeneratedRequest, kind: GeneratedKind, name: string): Case {
  let path = op.path
  for (const [k, v] of Object.entries(input.path)) path = path.replace(`{${k}}`, encodeURIComponent(text(v)))
  const headers: Record<string, string> = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k, text(v)]))
  const cookies = Object.entries(input.cookies).map(([k, v]) => `${k}=${encodeURIComponent(text(v))}`)
  if (cookies.length > 0) headers.cookie = cookies.join('; ')
  if (input.mediaType) headers['content-type'] = input.mediaType
  else if (input.rawBody !== undefined) headers['content-type'] = 'application/json'
  const scheme = firstScheme(contract, op)
  const declared = op.responses.map((r) => r.status).filter((s) => !AUTH.has(s))
  return {
    id: `${op.id}:${kind}`,
    title: caseTitle(op, name),
    operationId: op.id,
    kind,
    name,
    request: {
      method: op.method, host: op.hosts[0] ?? 'default', path,
      query: Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, text(v)])),
      headers, body: input.body, rawBody: input.rawBody, credential: op.credential,
      auth: kind === 'unauthenticated' || !scheme ? [] : [{ scheme, key: 'valid' }],
    },
    expect: { statuses: kind === 'unauthenticated' ? ['401', '403'] : kind === 'negative' ? ['4XX'] : declared, service: op.service },
    tags: [...opTags(op), '@property'],
    mutates: !op.safe,
  }
}
