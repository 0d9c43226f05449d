import type { Contract, Operation } from '../contract/contract.js'
import { deref, type Location } from '../contract/documents.js'
import { getByPointer, joinPointer } from '../contract/pointer.js'
import type { Case } from './case.js'
import { exampleNames, exampleRequest, jsonBody } from './example-request.js'
import { firstScheme } from './positive.js'
import { caseTitle, opTags } from './titles.js'

type Obj = Record<string, unknown>
const WRONG_VALUE: Record<string, unknown> = { string: 12345, integer: 'not-a-number', number: 'not-a-number', boolean: 'not-a-boolean', object: 'not-an-object', array: 'not-an-array' }

/**
 * Bad bodies must be refused with the declared 4xx JSON: invalid JSON, a property of the wrong
 * type, a required property missing. Built from the first request example and the body schema.
 */
export function malformedCases(contract: Contract, op: Operation): Case[] {
  const media = jsonBody(op)
  if (!media || !/[/+]json$/.test(media.mediaType)) return []
  const built = exampleRequest(contract, op, exampleNames(op)[0]!)
  if ('reason' in built || built.request.body === null || typeof built.request.body !== 'object') return []
  // Any declared refusal will do (servers validate in different orders: an unknown entity may be a 404
  // first); what must never happen is acceptance or a crash. Auth refusals would hide the point.
  const declared = op.responses.map((r) => r.status).filter((s) => /^4\d\d$/.test(s) && !['401', '402', '403', '429'].includes(s))
  const statuses = declared.length > 0 ? declared : ['400', '422']
  const scheme = firstScheme(contract, op)
  const base = { ...built.request, auth: scheme ? [{ scheme, key: 'valid' as const }] : [] }
  const make = (slug: string, what: string, patch: Partial<Case['request']>): Case => ({
    id: `${op.id}:malformed:${slug}`,
    title: caseTitle(op, `refused (${statuses.join('/')}) for ${what}`),
    operationId: op.id,
    kind: 'malformed',
    name: `refused (${statuses.join('/')}) for ${what}`,
    request: { ...base, ...patch },
    // an undocumented 4xx (a framework's own 400) still refuses: a warning, not a failure
    expect: { statuses, service: op.service, tolerated: ['4XX'] },
    tags: opTags(op),
    mutates: !op.safe, // refused requests change nothing, but a server that accepts them would
  })
  const body = built.request.body as Obj
  const schema = media.schema ? resolved(contract, media.schema) : undefined
  // A server may read unparsable JSON as {} (MLflow does); that is only a refusal if {} is invalid too.
  const requiresFields = Array.isArray(schema?.value.required) && (schema!.value.required as unknown[]).length > 0
  const cases = requiresFields ? [make('invalid-json', 'invalid JSON', { body: undefined, rawBody: '{"cw": ' })] : []
  const properties = (schema?.value.properties ?? {}) as Obj
  const typed = Object.keys(body).find((k) => typeof resolved(contract, at(schema!.at, 'properties', k))?.value.type === 'string')
  if (typed !== undefined) {
    const type = resolved(contract, at(schema!.at, 'properties', typed))!.value.type as string
    cases.push(make('wrong-type', `"${typed}" of the wrong type`, { body: { ...body, [typed]: WRONG_VALUE[type] ?? null } }))
  }
  const required = ((schema?.value.required ?? []) as string[]).find((k) => k in properties || k in body)
  if (required !== undefined) {
    const { [required]: _dropped, ...rest } = body
    cases.push(make('missing-required', `required "${required}" missing`, { body: rest }))
  }
  return cases
}

function at(loc: Location, ...tokens: string[]): Location {
  return { file: loc.file, pointer: joinPointer(loc.pointer, ...tokens) }
}

function resolved(contract: Contract, loc: Location): { value: Obj; at: Location } | undefined {
  const raw = getByPointer(contract.documents.docs.get(loc.file), loc.pointer)
  if (raw === undefined) return undefined
  const r = deref(contract.documents, raw, loc)
  return r.value && typeof r.value === 'object' ? { value: r.value as Obj, at: r.at } : undefined
}
