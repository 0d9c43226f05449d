// The Era B gateway registry (gatewayz-catalog.md §4, §5): 33 DB slugs, their aliases, the fixed
// `note` per gateway (§3.3) and the mock catalog sizes (§4 counts; 0 = known gateway, empty cache).

export interface Gateway {
  /** the registry slug, as listed by /v1/gateways */
  readonly id: string
  readonly name: string
  readonly priority: 'fast' | 'slow'
  readonly color: string
  readonly siteUrl: string
  readonly aliases: readonly string[]
  /** the slug the catalog is fetched and echoed under (`huggingface` → `hug`, fetch_slug_override) */
  readonly fetchSlug: string
  /** models in the mock catalog */
  readonly count: number
}

const FALLBACK_NOTE = 'OpenRouter catalog'

/** §3.3: gateways without a note of their own (e.g. `hug`, `alibaba`) fall back to OpenRouter's. */
export const gatewayNotes: Readonly<Record<string, string>> = {
  openrouter: 'OpenRouter catalog',
  featherless: 'Featherless catalog',
  deepinfra: 'DeepInfra catalog',
  chutes: 'Chutes.ai catalog',
  groq: 'Groq catalog',
  fireworks: 'Fireworks catalog',
  together: 'Together catalog',
  'google-vertex': 'Google Vertex AI catalog',
  cerebras: 'Cerebras catalog',
  nebius: 'Nebius catalog (no public listing is currently available)',
  xai: 'Xai catalog',
  novita: 'Novita catalog',
  aimo: 'AIMO Network catalog',
  near: 'Near AI catalog',
  fal: 'Fal.ai catalog',
  simplismart: 'Simplismart catalog',
  all: 'Combined OpenRouter, Featherless, DeepInfra, Chutes, Groq, Fireworks, Together, Google Vertex AI, Cerebras, Nebius, Xai, Novita, AIMO, Near AI, Fal.ai, and Simplismart catalogs',
}

export function noteFor(slug: string): string {
  return gatewayNotes[slug] ?? FALLBACK_NOTE
}

type Row = [id: string, name: string, priority: 'fast' | 'slow', site: string, count: number]

// Counts: the October 2025 "fixed" column of §4 (HF: the 1,204 unique models after the fix).
// `near` has no recorded count; 8 models (half private) exercise the `is_private` filter.
const rows: readonly Row[] = [
  ['openai', 'OpenAI', 'fast', 'openai.com', 0],
  ['anthropic', 'Anthropic', 'fast', 'anthropic.com', 0],
  ['openrouter', 'OpenRouter', 'fast', 'openrouter.ai', 340],
  ['groq', 'Groq', 'fast', 'groq.com', 19],
  ['together', 'Together', 'fast', 'together.ai', 94],
  ['fireworks', 'Fireworks', 'fast', 'fireworks.ai', 38],
  ['featherless', 'Featherless', 'slow', 'featherless.ai', 6452],
  ['deepinfra', 'DeepInfra', 'fast', 'deepinfra.com', 215],
  ['google-vertex', 'Google Vertex AI', 'fast', 'cloud.google.com', 71],
  ['cerebras', 'Cerebras', 'fast', 'cerebras.ai', 11],
  ['xai', 'xAI', 'fast', 'x.ai', 23],
  ['novita', 'Novita', 'slow', 'novita.ai', 5],
  ['alibaba', 'Alibaba', 'slow', 'alibabacloud.com', 0],
  ['zai', 'Z.ai', 'slow', 'z.ai', 0],
  ['vercel-ai-gateway', 'Vercel AI Gateway', 'slow', 'vercel.com', 0],
  ['chutes', 'Chutes', 'slow', 'chutes.ai', 104],
  ['nebius', 'Nebius', 'slow', 'nebius.com', 21],
  ['huggingface', 'Hugging Face', 'slow', 'huggingface.co', 1204],
  ['aimo', 'AIMO Network', 'slow', 'aimo.network', 0],
  ['near', 'Near AI', 'slow', 'near.ai', 8],
  ['fal', 'Fal.ai', 'slow', 'fal.ai', 0],
  ['helicone', 'Helicone', 'slow', 'helicone.ai', 0],
  ['alpaca', 'Alpaca Network', 'slow', 'alpacanetwork.ai', 0],
  ['clarifai', 'Clarifai', 'slow', 'clarifai.com', 0],
  ['onerouter', 'OneRouter', 'slow', 'onerouter.pro', 0],
  ['simplismart', 'Simplismart', 'slow', 'simplismart.ai', 0],
  ['aihubmix', 'AiHubMix', 'slow', 'aihubmix.com', 0],
  ['anannas', 'Anannas', 'slow', 'anannas.ai', 0],
  ['cloudflare-workers-ai', 'Cloudflare Workers AI', 'slow', 'cloudflare.com', 0],
  ['sybil', 'Sybil', 'slow', 'sybil.com', 0],
  ['morpheus', 'Morpheus', 'slow', 'mor.org', 0],
  ['canopywave', 'CanopyWave', 'slow', 'canopywave.com', 0],
  ['notdiamond', 'Not Diamond', 'slow', 'notdiamond.ai', 0],
]

const aliases: Readonly<Record<string, readonly string[]>> = { 'google-vertex': ['google'], huggingface: ['hug'] }
const fetchSlugs: Readonly<Record<string, string>> = { huggingface: 'hug' }

export const gateways: readonly Gateway[] = rows.map(([id, name, priority, site, count]) => ({
  id,
  name,
  priority,
  color: priority === 'fast' ? 'bg-blue-500' : 'bg-gray-500',
  siteUrl: `https://${site}`,
  aliases: aliases[id] ?? [],
  fetchSlug: fetchSlugs[id] ?? id,
  count,
}))
