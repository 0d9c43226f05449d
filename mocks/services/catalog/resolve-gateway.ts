import { gateways, type Gateway } from './gateways.js'

/** What a valid `gateway` value resolves to: the slug echoed in the envelope, and the registry row. */
export interface ResolvedGateway {
  readonly slug: string
  readonly gateway: Gateway | undefined // undefined for `all`
}

const bySlugOrAlias = new Map<string, Gateway>()
for (const g of gateways) {
  for (const value of [g.id, g.fetchSlug, ...g.aliases]) bySlugOrAlias.set(value, g)
}

/** Every value `validate_gateway()` accepts, sorted as the 400 message lists them. */
export const validGatewayValues: readonly string[] = ['all', ...bySlugOrAlias.keys()].sort()

/** §3.1: lower-case, validate, then resolve aliases (`google` → `google-vertex`, `hug` ↔ `huggingface` → `hug`). */
export function resolveGateway(raw: string): ResolvedGateway | undefined {
  const value = raw.toLowerCase()
  if (value === 'all') return { slug: 'all', gateway: undefined }
  const gateway = bySlugOrAlias.get(value)
  return gateway === undefined ? undefined : { slug: gateway.fetchSlug, gateway }
}
