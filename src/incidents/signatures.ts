import type { Contract } from '../contract/contract.js'

/** One incident signature from the contract's root `x-incidents`: which answers mean this incident. */
export interface Signature {
  status?: number[]
  body?: RegExp
  path?: RegExp
  secret?: string // missing-secret: the variable the server lacks
  dependency?: string // dependency-down: what is down
}

const cache = new WeakMap<Contract, Record<string, Signature[]>>()

export function readSignatures(contract: Contract): Record<string, Signature[]> {
  let out = cache.get(contract)
  if (out) return out
  out = {}
  const root = contract.documents.docs.get(contract.documents.root) as Record<string, unknown>
  for (const [incident, list] of Object.entries((root['x-incidents'] ?? {}) as Record<string, unknown>)) {
    out[incident] = (Array.isArray(list) ? list : []).map((raw: Record<string, unknown>) => ({
      status: Array.isArray(raw.status) ? raw.status.map(Number) : raw.status === undefined ? undefined : [Number(raw.status)],
      body: typeof raw.body === 'string' ? new RegExp(raw.body) : undefined,
      path: typeof raw.path === 'string' ? new RegExp(raw.path) : undefined,
      secret: raw.secret as string | undefined,
      dependency: raw.dependency as string | undefined,
    }))
  }
  cache.set(contract, out)
  return out
}
