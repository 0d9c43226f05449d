import type { Case } from '../cases/case.js'
import type { Exchange } from '../cases/exchange.js'
import { generatedCase } from '../cases/generated-case.js'
import type { Contract, Operation } from '../contract/contract.js'
import type { GeneratedRequest } from '../generation/request-arbitrary.js'
import type { Judged } from './run-property.js'
import { createdId, type Chain } from './stateful.js'

export interface SequenceInput { create: GeneratedRequest; update?: GeneratedRequest; item: GeneratedRequest }

export const chainTitle = (chain: Chain) => `${chain.create.method} ${chain.create.path} → ${[chain.item.read, chain.item.update, chain.item.remove].filter(Boolean).map((o) => o!.method).join(', ')} ${chain.create.path.replace(/\/$/, '')}/{${chain.idParam}}`

/**
 * One resource's life against the target: create, read back, update, read, delete, read (a 404 then
 * is the point). Each step is judged as it comes; the first that fails is the result. Whatever was
 * created is deleted in the end, also when a step failed.
 */
export async function runSequence(contract: Contract, chain: Chain, input: SequenceInput, send: (c: Case) => Promise<Exchange>, judge: (x: Exchange) => Judged): Promise<Judged & { leftOver?: string }> {
  const step = (op: Operation, request: GeneratedRequest, name: string) => {
    const c = generatedCase(contract, op, request, 'stateful', `stateful: ${name} (${chainTitle(chain)})`)
    return { ...c, id: `${op.id}:stateful:${name}` }
  }
  const steps: string[] = []
  const sent = async (c: Case) => {
    const x = await send(c)
    steps.push(`${c.request.method} ${c.request.path} → ${x.response.status}`)
    return x
  }
  const created = await sent(step(chain.create, input.create, 'create'))
  let last: Judged & { leftOver?: string } = { ...judge(created), steps }
  if (last.errors.length > 0 || created.response.status >= 300) return last
  const id = createdId(chain, created.response)
  if (id === undefined) {
    return { ...last, errors: [{ check: 'ensure_resource_availability', title: 'Created resource has no id', expected: `an id at ${'location' in chain.idFrom ? 'the Location header' : chain.idFrom.pointer}`, actual: created.response.text.slice(0, 120) }] }
  }
  const on = (request: GeneratedRequest) => ({ ...request, path: { ...request.path, [chain.idParam]: id } })
  let deleted = false
  try {
    const plan: Array<[Operation | undefined, GeneratedRequest, string]> = [
      [chain.item.read, input.item, 'read-after-create'],
      [chain.item.update, input.update ?? input.create, 'update'],
      [chain.item.read, input.item, 'read-after-update'],
      [chain.item.remove, input.item, 'delete'],
    ]
    for (const [op, request, name] of plan) {
      if (!op) continue
      const x = await sent(step(op, on(request), name))
      last = { ...judge(x), steps }
      if (name === 'delete' && x.response.status < 300) deleted = true
      if (last.errors.length > 0) return last
    }
    return last
  } finally {
    if (!deleted && chain.item.remove) await send(step(chain.item.remove, on(input.item), 'cleanup')).catch(() => undefined)
    else if (!deleted) last.leftOver = `${chain.create.path}/${id} (the document has no DELETE for it)`
  }
}
