import { defineCheck } from './check.js'

/** A resource the sequence has just created must be there when it is read back. */
export const ensureResourceAvailability = defineCheck({
  name: 'ensure_resource_availability',
  summary: 'a resource is readable right after the operation that created it',
  appliesTo: (c) => c.kind === 'stateful' && c.id.endsWith(':read-after-create'),
  run({ response }) {
    if (response.status !== 404 && response.status !== 410) return []
    return [{ check: 'ensure_resource_availability', title: 'Created resource not found', expected: 'the resource just created', actual: `${response.status}` }]
  },
})
