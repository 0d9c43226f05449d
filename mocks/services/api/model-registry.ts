import type { ApiSettings } from './settings.js'

// src/api/endpoints/model_registry_entries.py (hokusai-api.md §6.1, §6.2): the only served models.

export interface ModelEntry {
  id: '21' | '27' | '30'
  name: string
  storageType: 'huggingface_private' | 'mlflow'
  modelType: string
  inferenceMethods: string[]
  defaultMethod: 'local' | 'mlflow_pyfunc'
  maxBatchSize: number
  schema?: string
  description?: string
  inputFields?: string[]
}

export const salesLeadInputFields = [
  'Customer ID', 'first_industry', 'first_segment', 'first_region', 'first_subregion', 'first_country',
  'first_product', 'first_sales', 'first_quantity', 'first_discount', 'total_profit',
]

const entries: Record<string, ModelEntry> = {
  '21': {
    id: '21', name: 'Sales Lead Scoring Model', storageType: 'huggingface_private', modelType: 'sklearn',
    inferenceMethods: ['api', 'local'], defaultMethod: 'local', maxBatchSize: 100,
  },
  '27': {
    id: '27', name: 'Sales Lead Scoring', storageType: 'mlflow', modelType: 'sales_lead_scoring',
    inferenceMethods: ['mlflow_pyfunc'], defaultMethod: 'mlflow_pyfunc', maxBatchSize: 1,
    schema: 'sales_lead_scoring_inputs/v1', description: 'MLflow-backed sales lead scoring model.',
    inputFields: salesLeadInputFields,
  },
  '30': {
    id: '30', name: 'Technical Task Router', storageType: 'mlflow', modelType: 'technical_task_router',
    inferenceMethods: ['mlflow_pyfunc'], defaultMethod: 'mlflow_pyfunc', maxBatchSize: 1,
    schema: 'technical_task_router_inputs/v2', description: 'MLflow-backed router for nested technical task inputs.',
  },
}

export function findModel(id: string): ModelEntry | undefined {
  return Object.hasOwn(entries, id) ? entries[id] : undefined
}

/** MODEL_27_MLFLOW_URI / MODEL_30_MLFLOW_URI, else the production alias. */
export function modelUriOf(entry: ModelEntry, settings: ApiSettings): string | undefined {
  if (entry.id === '27') return settings.MODEL_27_MLFLOW_URI ?? 'models:/Sales Lead Scoring@production'
  if (entry.id === '30') return settings.MODEL_30_MLFLOW_URI ?? 'models:/Technical Task Router@production'
  return undefined
}

/** The exact /info body; optional keys appear only when set. `infoSchemaDrift` retypes max_batch_size. */
export function modelInfo(entry: ModelEntry, settings: ApiSettings): Record<string, unknown> {
  const info: Record<string, unknown> = {
    model_id: entry.id,
    name: entry.name,
    type: entry.modelType,
    storage: entry.storageType,
    is_available: true,
    inference_methods: entry.inferenceMethods,
    max_batch_size: settings.infoSchemaDrift ? String(entry.maxBatchSize) : entry.maxBatchSize,
  }
  if (entry.storageType !== 'mlflow') return info
  return {
    ...info,
    model_type: entry.modelType,
    storage_type: entry.storageType,
    model_uri: modelUriOf(entry, settings),
    model_version: 'production',
    schema: entry.schema,
    description: entry.description,
    ...(entry.inputFields ? { input_fields: entry.inputFields } : {}),
  }
}
