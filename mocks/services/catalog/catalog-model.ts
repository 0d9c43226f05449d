/** An Era B model object (gatewayz-catalog.md §3.4); the real schema is open, so is this one. */
export interface CatalogModel {
  id: string
  object: 'model'
  owned_by: string
  name: string
  source_gateway: string
  provider_slug: string
  context_length: number
  pricing: { prompt: string; completion: string } | null
  description: string
  modality: string
  is_active: boolean
  is_private: boolean
  health_status: string
  provider_site_url: string
  model_logo_url: string | null
  metadata: { pricing_raw: { prompt: number; completion: number } | null }
  supported_parameters: string[]
  capabilities: { tools: boolean; vision: boolean; prompt_caching: boolean; streaming: true }
}
