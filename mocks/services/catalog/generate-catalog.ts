import type { CatalogModel } from './catalog-model.js'
import { gateways, type Gateway } from './gateways.js'
import { seededRandom } from './seeded-random.js'

/** The cached catalogs: one array per fetch slug, ordered by name like the DB query (§3.6). */
export type Catalog = ReadonlyMap<string, readonly CatalogModel[]>

const SEED = 20260820

// Ids the diagnostic scripts look for (§4); all are HF models in the mock.
export const knownHuggingFaceIds: readonly string[] = [
  'katanemo/Arch-Router-1.5B',
  'black-forest-labs/FLUX.1-dev',
  'google/embeddinggemma-300m',
  'sentence-transformers/all-MiniLM-L6-v2',
  'openai/whisper-large-v3',
  'BAAI/bge-large-en-v1.5',
  'jhgan/ko-sbert-sts',
]

const orgs = ['meta-llama', 'mistralai', 'qwen', 'deepseek-ai', 'google', 'microsoft', 'nvidia', 'allenai', 'tiiuae', 'stabilityai', 'cohere', 'ibm-granite', 'huggingfaceh4', 'nousresearch', 'thudm']
const families = ['llama', 'mistral', 'qwen', 'coder', 'chat', 'instruct', 'embed', 'vision', 'reasoner', 'tiny', 'sbert', 'whisper', 'diffusion', 'phi', 'gemma']
const sizes = ['0.5B', '1.5B', '3B', '7B', '8B', '13B', '32B', '70B', '405B']
const modalities = ['text->text', 'text->text', 'text->text', 'text+image->text', 'text->image', 'text->embedding']

function makeModel(id: string, gateway: Gateway, next: () => number, isPrivate: boolean): CatalogModel {
  const free = gateway.id === 'huggingface' && next() < 0.15 && id !== 'katanemo/Arch-Router-1.5B'
  const prompt = Math.round((0.05 + next() * 3) * 100) / 1e8
  const completion = Math.round(prompt * 2 * 1e8) / 1e8
  const site = gateway.siteUrl.replace('https://', '')
  const vision = next() < 0.2
  return {
    id,
    object: 'model',
    owned_by: gateway.id,
    name: id.split('/').pop() ?? id,
    source_gateway: gateway.fetchSlug,
    provider_slug: gateway.id,
    context_length: gateway.id === 'huggingface' && next() < 0.3 ? 0 : 2 ** (12 + Math.floor(next() * 6)),
    pricing: free ? null : { prompt: String(prompt), completion: String(completion) },
    description: `${id} served by ${gateway.name}.`,
    modality: modalities[Math.floor(next() * modalities.length)] ?? 'text->text',
    is_active: true,
    is_private: isPrivate,
    health_status: 'healthy',
    provider_site_url: gateway.siteUrl,
    model_logo_url: `https://www.google.com/s2/favicons?domain=${site}&sz=128`,
    metadata: { pricing_raw: free ? null : { prompt, completion } },
    supported_parameters: ['max_tokens', 'temperature', 'top_p', 'stop', ...(vision ? [] : ['tools'])],
    capabilities: { tools: !vision, vision, prompt_caching: next() < 0.3, streaming: true },
  }
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T
}

/** Builds every gateway's catalog from a fixed seed; ids are unique across gateways. */
export function generateCatalog(): Catalog {
  const next = seededRandom(SEED)
  const taken = new Set<string>(knownHuggingFaceIds)
  const catalog = new Map<string, CatalogModel[]>()
  for (const gateway of gateways) {
    const ids = gateway.id === 'huggingface' ? [...knownHuggingFaceIds] : []
    while (ids.length < gateway.count) {
      const base = `${pick(orgs, next)}/${pick(families, next)}-${pick(sizes, next)}`
      const id = taken.has(base) ? `${base}-${gateway.fetchSlug}-${ids.length}` : base
      taken.add(id)
      ids.push(id)
    }
    ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    // NEAR's private models (§3.1 is_private): every other one
    const models = ids.map((id, i) => makeModel(id, gateway, next, gateway.id === 'near' && i % 2 === 0))
    catalog.set(gateway.fetchSlug, models)
  }
  return catalog
}
