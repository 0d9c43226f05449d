import type { CatalogModel } from './catalog-model.js'

const price = (m: CatalogModel): number => (m.pricing === null ? Infinity : Number(m.pricing.prompt))

/** §3.4 `unique_models=true`: one item per id, carrying every provider that serves it. */
export function uniqueModels(models: readonly CatalogModel[]): Record<string, unknown>[] {
  const groups = new Map<string, CatalogModel[]>()
  for (const m of models) groups.set(m.id, [...(groups.get(m.id) ?? []), m])
  return [...groups.values()].map((group) => {
    const first = group[0] as CatalogModel
    const cheapest = [...group].sort((a, b) => price(a) - price(b))[0] as CatalogModel
    return {
      ...first,
      providers: group.map((m) => ({ slug: m.provider_slug, pricing: m.pricing, context_length: m.context_length })),
      provider_count: group.length,
      cheapest_provider: cheapest.provider_slug,
      fastest_provider: first.provider_slug,
    }
  })
}
