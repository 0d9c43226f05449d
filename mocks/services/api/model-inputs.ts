import type { ValidationItem } from './fastapi-responses.js'

// Input schemas of the MLflow models (hokusai-api.md §6.4), which the contract does not describe
// (its PredictionRequest.inputs is any dict); both forbid extra fields. Their 422 items have `loc`
// relative to `inputs` and carry pydantic's `url`.

type FieldType = 'string' | 'number' | 'object'
/** A pydantic-like model: field types, the required ones, and whether unknown keys are refused. */
interface InputModel { fields: Record<string, FieldType>; required: readonly string[]; forbid: boolean }

const salesLeadScoringInputs: InputModel = {
  fields: {
    'Customer ID': 'string', first_industry: 'string', first_segment: 'string', first_region: 'string',
    first_subregion: 'string', first_country: 'string', first_product: 'string',
    first_sales: 'number', first_quantity: 'number', first_discount: 'number', total_profit: 'number',
  },
  required: ['Customer ID'],
  forbid: true,
}
const technicalTaskRouterInputs: InputModel = {
  fields: { task: 'object', routing: 'object', context: 'object', workflow: 'object', metadata: 'object' }, required: ['task'], forbid: true,
}
const taskModel: InputModel = { fields: { description: 'string', task_type: 'string', taskType: 'string' }, required: ['description'], forbid: false }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const typeErrors: Record<FieldType, [string, string, (value: unknown) => boolean]> = {
  string: ['string_type', 'Input should be a valid string', (value) => typeof value === 'string'],
  number: ['float_type', 'Input should be a valid number', (value) => typeof value === 'number' && Number.isFinite(value)],
  object: ['dict_type', 'Input should be a valid dictionary', isObject],
}

function validateInputs(value: unknown, model: InputModel, loc: string[]): ValidationItem[] {
  if (!isObject(value)) return [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: value }]
  const errors: ValidationItem[] = model.required.filter((name) => !(name in value))
    .map((name) => ({ type: 'missing', loc: [...loc, name], msg: 'Field required', input: value }))
  for (const [name, field] of Object.entries(value)) {
    const type = model.fields[name]
    if (type === undefined && model.forbid) errors.push({ type: 'extra_forbidden', loc: [...loc, name], msg: 'Extra inputs are not permitted', input: field })
    // optional fields accept null, as `X | None = None` does
    if (type === undefined || (field === null && !model.required.includes(name)) || typeErrors[type][2](field)) continue
    errors.push({ type: typeErrors[type][0], loc: [...loc, name], msg: typeErrors[type][1], input: field })
  }
  return errors
}

const withUrl = (item: ValidationItem): ValidationItem => ({ ...item, url: `https://errors.pydantic.dev/2.5/v/${item.type}` })

/** Pydantic errors for the inputs of model 27 or 30; [] when valid (model 21 takes anything). */
export function validateModelInputs(modelId: string, inputs: Record<string, unknown>): ValidationItem[] {
  if (modelId === '27') return validateInputs(inputs, salesLeadScoringInputs, []).map(withUrl)
  if (modelId !== '30') return []
  const errors = validateInputs(inputs, technicalTaskRouterInputs, [])
  if (errors.length === 0) {
    const task = inputs.task as Record<string, unknown>
    errors.push(...validateInputs(task, taskModel, ['task']))
    // task_type is required under either spelling (camelCase and snake_case are both accepted)
    if (!('task_type' in task) && !('taskType' in task)) {
      errors.push({ type: 'missing', loc: ['task', 'task_type'], msg: 'Field required', input: task })
    }
  }
  return errors.map(withUrl)
}
