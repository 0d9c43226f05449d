import { detailedError } from './detailed-error.js'
import { fastApiError } from './fastapi-error.js'
import { invalidGatewayError } from './invalid-gateway-error.js'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'
import { QueryReader } from './query-reader.js'
import { resolveGateway } from './resolve-gateway.js'

const SORTS = ['requests', 'tokens', 'users']

/**
 * GET /v1/models/trending (gatewayz-catalog.md §6): usage analytics. The mock serves no traffic, so
 * every range is empty, as a fresh deployment's is; the validation is the backend's.
 */
export function trendingModels(request: Request): Response {
  const query = new QueryReader(new URL(request.url).searchParams)
  const gatewayParam = query.string('gateway') ?? 'all'
  const timeRange = query.literal('time_range', ['1h', '24h', '7d', '30d'] as const, '24h')
  const limit = query.int('limit', { default: 10, ge: 1, le: 100 })
  const offset = query.int('offset', { default: 0, ge: 0 })
  const sortBy = query.string('sort_by') ?? 'requests'
  if (query.issues.length > 0) return fastApiError(422, query.issues)
  if (!SORTS.includes(sortBy)) {
    return detailedError(400, { type: 'invalid_parameter_type', message: "Invalid value for parameter 'sort_by'", code: 'INVALID_PARAMETER_TYPE', detail: `Invalid sort_by '${sortBy}'. Must be one of: ${SORTS.join(', ')}` })
  }
  const resolved = resolveGateway(gatewayParam)
  if (resolved === undefined) return invalidGatewayError(gatewayParam.toLowerCase())
  return jsonResponse({
    success: true, data: [], count: 0, gateway: resolved.slug, time_range: timeRange, sort_by: sortBy, timestamp: pythonTimestamp(),
    pagination: { limit, offset, total: 0, has_more: false },
  })
}
