import type { Contract, Operation } from '../contract/contract.js'
import { deref } from '../contract/documents.js'
import { getByPointer, joinPointer } from '../contract/pointer.js'

type Obj = Record<string, unknown>

/** A resource's life: created by one operation, then read, updated and deleted through its item path. */
export interface Chain {
  create: Operation
  item: { read?: Operation; update?: Operation; remove?: Operation }
  /** the item path's parameter the new resource's id goes into */
  idParam: string
  /** where the id is in the create response: a JSON pointer into the body, or the Location header's last segment */
  idFrom: { pointer: string; via: 'link' | 'inferred' } | { location: true }
}

/**
 * Chains from the document: a create's OpenAPI `links` (`$response.body#/id` into an item operation)
 * when it has them, else inferred — a POST on `/things` whose 2xx has an `id` (or the parameter's own
 * name) or a Location header, and operations on `/things/{param}`.
 */
export function statefulChains(contract: Contract): Chain[] {
  const chains: Chain[] = []
  for (const create of contract.operations.filter((o) => o.method === 'POST' && !o.path.endsWith('}'))) {
    const items = contract.operations.filter((o) => o.path.startsWith(`${create.path.replace(/\/$/, '')}/{`) && /^\/\{[^}/]+\}$/.test(o.path.slice(create.path.replace(/\/$/, '').length)))
    if (items.length === 0) continue
    const idParam = /\{([^}]+)\}$/.exec(items[0]!.path)![1]!
    const success = create.responses.find((r) => /^2\d\d$/.test(r.status))
    if (!success) continue
    const idFrom = linked(contract, success.at, items, idParam) ?? inferred(contract, success, idParam)
    if (!idFrom) continue
    const by = (m: string) => items.find((o) => o.method === m)
    chains.push({ create, item: { read: by('GET'), update: by('PUT') ?? by('PATCH'), remove: by('DELETE') }, idParam, idFrom })
  }
  return chains
}

function raw(contract: Contract, at: { file: string; pointer: string }): { value: Obj | undefined; at: { file: string; pointer: string } } {
  const r = deref(contract.documents, getByPointer(contract.documents.docs.get(at.file), at.pointer), at)
  return { value: r.value as Obj | undefined, at: r.at }
}

function linked(contract: Contract, responseAt: { file: string; pointer: string }, items: Operation[], idParam: string): Chain['idFrom'] | undefined {
  const links = (raw(contract, responseAt).value?.links ?? {}) as Record<string, Obj>
  for (const link of Object.values(links)) {
    const target = items.find((o) => o.id === link.operationId)
    const expr = (link.parameters as Obj | undefined)?.[idParam]
    if (target && typeof expr === 'string' && expr.startsWith('$response.body#')) return { pointer: expr.slice('$response.body#'.length), via: 'link' }
  }
  return undefined
}

function inferred(contract: Contract, success: Operation['responses'][number], idParam: string): Chain['idFrom'] | undefined {
  const media = success.content.find((m) => /[/+]json$/.test(m.mediaType) && m.schema)
  if (media?.schema) {
    const schema = raw(contract, media.schema)
    const props = (schema.value?.properties ?? {}) as Obj
    for (const name of [idParam, 'id', idParam.replace(/Id$|_id$/i, '_id')]) if (name in props) return { pointer: joinPointer('', name), via: 'inferred' }
  }
  return success.headers.includes('location') ? { location: true } : undefined
}

/** The new resource's id from a create's response, or undefined when it has none. */
export function createdId(chain: Chain, response: { json: unknown; headers: Record<string, string> }): string | undefined {
  if ('location' in chain.idFrom) return response.headers.location?.split('/').filter(Boolean).at(-1)
  let node = response.json
  for (const token of chain.idFrom.pointer.split('/').slice(1)) node = (node as Obj | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  return node === undefined || node === null || typeof node === 'object' ? undefined : String(node)
}
