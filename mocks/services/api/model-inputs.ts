import type { ValidationItem } from './fastapi-responses.js'
import { validateFields, type FieldModel } from './validate-fields.js'

// Input schemas of the MLflow models (hokusai-api.md §6.4); both forbid extra fields. Their 422
// items have `loc` relative to `inputs` and carry pydantic's `url`.

const salesLeadScoringInputs: FieldModel = {
  fields: {
    'Customer ID': 'string', first_industry: 'string', first_segment: 'string', first_region: 'string',
    first_subregion: 'string', first_country: 'string', first_product: 'string',
    first_sales: 'number', first_quantity: 'number', first_discount: 'number', total_profit: 'number',
  },
  required: ['Customer ID'],
  extra: 'forbid',
}

const technicalTaskRouterInputs: FieldModel = {
  fields: { task: 'object', routing: 'object', context: 'object', workflow: 'object', metadata: 'object' },
  required: ['task'],
  extra: 'forbid',
}

const taskModel: FieldModel = {
  fields: { description: 'string', task_type: 'string', taskType: 'string' },
  required: ['description'],
  extra: 'ignore',
}

const withUrl = (item: ValidationItem): ValidationItem => ({ ...item, url: `https://errors.pydantic.dev/2.5/v/${item.type}` })

/** Pydantic errors for the inputs of model 27 or 30; [] when valid (model 21 takes anything). */
export function validateModelInputs(modelId: string, inputs: Record<string, unknown>): ValidationItem[] {
  if (modelId === '27') return validateFields(inputs, salesLeadScoringInputs, []).map(withUrl)
  if (modelId !== '30') return []
  const errors = validateFields(inputs, technicalTaskRouterInputs, [])
  if (errors.length === 0) {
    const taskErrors = validateFields(inputs.task, taskModel, ['task'])
    const task = inputs.task as Record<string, unknown>
    // task_type is required under either spelling (camelCase and snake_case are both accepted)
    if (!('task_type' in task) && !('taskType' in task)) {
      taskErrors.push({ type: 'missing', loc: ['task', 'task_type'], msg: 'Field required', input: task })
    }
    errors.push(...taskErrors)
  }
  return errors.map(withUrl)
}
