import { createHash } from 'node:crypto'
import type { Contract, Operation } from '../../contract/contract.js'
import { child, nodeAt, typesOf } from '../../generation/schema-node.js'
import { statefulChains, type Chain } from '../../properties/stateful.js'

type Obj = Record<string, unknown>

/** Where an operation sits in a resource's life, when the document has create → item chains. */
export type Role =
  | { chain: Chain; role: 'create' | 'list' }
  | { chain: Chain; role: 'read' | 'update' | 'remove' }

/**
 * `--stateful`: resources created through a collection's POST are kept, so the id a create returns
 * can be read, updated and deleted through the item path. The chains are the ones the generated
 * stateful tests use (OpenAPI links, else an inferred id or Location), one mechanism for both.
 */
export class ResourceStore {
  private readonly roles = new Map<Operation, Role>()
  private readonly items = new Map<Chain, Map<string, Obj>>()
  private counter = 0

  constructor(private readonly contract: Contract) {
    for (const chain of statefulChains(contract)) {
      this.items.set(chain, new Map())
      this.roles.set(chain.create, { chain, role: 'create' })
      const list = contract.operations.find((o) => o.method === 'GET' && o.path === chain.create.path)
      if (list) this.roles.set(list, { chain, role: 'list' })
      for (const [role, op] of Object.entries(chain.item)) if (op) this.roles.set(op, { chain, role: role as 'read' | 'update' | 'remove' })
    }
  }

  role(op: Operation): Role | undefined {
    return this.roles.get(op)
  }

  /**
   * A new resource: the generated body with the request's fields over it and a fresh id; when that
   * breaks the response schema (a write-only field, another shape), the generated body and the id.
   */
  create(chain: Chain, generated: unknown, request: unknown, conforms: (resource: Obj) => boolean): { resource: Obj; id: string } {
    const id = this.newId(chain)
    const withId = (r: Obj) => {
      if ('pointer' in chain.idFrom && chain.idFrom.pointer.split('/').length === 2) r[chain.idFrom.pointer.slice(1)] = id.value
      return r
    }
    const base = isObj(generated) ? { ...generated } : {}
    let resource = withId({ ...base, ...(isObj(request) ? request : {}) })
    if (!conforms(resource)) resource = withId(base)
    this.items.get(chain)!.set(id.text, resource)
    return { resource, id: id.text }
  }

  get(chain: Chain, id: string): Obj | undefined {
    return this.items.get(chain)!.get(id)
  }

  update(chain: Chain, id: string, request: unknown, replace: boolean): Obj | undefined {
    const current = this.get(chain, id)
    if (!current) return undefined
    const key = 'pointer' in chain.idFrom ? chain.idFrom.pointer.slice(1) : undefined
    const next: Obj = { ...(replace ? {} : current), ...(isObj(request) ? request : {}) }
    if (key && key in current) next[key] = current[key]
    this.items.get(chain)!.set(id, next)
    return next
  }

  remove(chain: Chain, id: string): boolean {
    return this.items.get(chain)!.delete(id)
  }

  list(chain: Chain): Obj[] {
    return [...this.items.get(chain)!.values()]
  }

  // an id of the type the document gives it: a number, a UUID, or text
  private newId(chain: Chain): { value: unknown; text: string } {
    const n = ++this.counter
    const create = chain.create.responses.find((r) => /^2\d\d$/.test(r.status))?.content.find((m) => m.schema)
    const prop = create?.schema && 'pointer' in chain.idFrom ? child(this.contract.documents, nodeAt(this.contract.documents, create.schema), 'properties', chain.idFrom.pointer.slice(1)).schema : undefined
    const types = typeof prop === 'object' ? typesOf(prop) ?? [] : []
    if (types.includes('integer') || types.includes('number')) {
      const min = typeof prop === 'object' && typeof prop.minimum === 'number' ? prop.minimum : 1
      return { value: min + n, text: String(min + n) }
    }
    if (typeof prop === 'object' && prop.format === 'uuid') {
      const hex = createHash('sha256').update(`cw-${n}`).digest('hex')
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
      return { value: uuid, text: uuid }
    }
    return { value: `cw-${n}`, text: `cw-${n}` }
  }
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
