import { http, type RequestHandler } from 'msw'
import type { ApiContext } from './api-context.js'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp } from './fastapi-responses.js'

// src/api/routes/governance.py (hokusai-api.md §5.6): admin-only routes check the caller's role.

export function governanceHandlers(ctx: ApiContext): RequestHandler[] {
  const licenses = new Map<string, Record<string, unknown>>()
  const consents = new Map<string, Record<string, unknown>>()
  const isAdmin = (request: Request) => {
    const principal = ctx.principalOf(request)
    return principal !== undefined && (principal.isAdmin || [...principal.roles, ...principal.scopes].includes('admin'))
  }
  const adminOnly = (request: Request, answer: () => Response | Promise<Response>) =>
    isAdmin(request) ? answer() : detailResponse('Admin role required', 403)
  const base = '*/api/v1/governance'
  return [
    http.get(`${base}/audit-logs`, ({ request }) => adminOnly(request, () => jsonResponse({ logs: [], total: 0 }))),
    http.get(`${base}/retention-policies`, () => jsonResponse({ policies: { inference_logs: { retention_days: 90, delete_action: 'delete' } } })),
    http.put(`${base}/retention-policies/:resource_type`, ({ request, params }) => adminOnly(request, async () => {
      const read = await contractRequest(request) // retention_days > 0, delete_action by pattern
      if (!read.ok) return read.response
      return jsonResponse({ resource_type: String(params.resource_type), ...read.body, updated_at: naiveTimestamp() })
    })),
    http.post(`${base}/retention/apply`, ({ request }) => adminOnly(request, () => jsonResponse({ applied: true, deleted_records: 0 }))),
    http.post(`${base}/licenses`, async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const license = { restrictions: {}, ...read.body, registered_at: naiveTimestamp() }
      licenses.set(String(read.body.dataset_id), license)
      return jsonResponse({ status: 'registered', license })
    }),
    http.get(`${base}/licenses/:dataset_id`, ({ params }) => {
      const license = licenses.get(String(params.dataset_id))
      return license ? jsonResponse(license) : detailResponse('License not found', 404)
    }),
    http.post(`${base}/licenses/:dataset_id/validate`, async ({ request, params }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      if (!licenses.has(String(params.dataset_id))) return detailResponse('License not found', 404)
      return jsonResponse({ dataset_id: String(params.dataset_id), valid: true, violations: [] })
    }),
    http.post(`${base}/gdpr/export/:user_id`, ({ request, params }) => {
      const own = ctx.principalOf(request)?.userId === String(params.user_id)
      if (!own && !isAdmin(request)) return detailResponse('Not authorized', 403)
      return jsonResponse({ user_id: String(params.user_id), data: {}, exported_at: naiveTimestamp() })
    }),
    http.post(`${base}/gdpr/delete/:user_id`, ({ request, params }) => {
      const own = ctx.principalOf(request)?.userId === String(params.user_id)
      if (!own && !isAdmin(request)) return detailResponse('Not authorized', 403)
      return jsonResponse({ user_id: String(params.user_id), deleted: true, deleted_at: naiveTimestamp() })
    }),
    http.post(`${base}/gdpr/consent`, async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const consent = { ...read.body, recorded_at: naiveTimestamp() }
      consents.set(`${String(read.body.user_id)}/${String(read.body.consent_type)}`, consent)
      return jsonResponse({ status: 'recorded', consent })
    }),
    http.get(`${base}/gdpr/consent/:user_id`, ({ request, params }) => {
      const type = new URL(request.url).searchParams.get('consent_type')
      const userId = String(params.user_id)
      const found = [...consents.entries()].filter(([key]) => key.startsWith(`${userId}/`) && (type === null || key === `${userId}/${type}`))
      return jsonResponse({ user_id: userId, consents: found.map(([, consent]) => consent) })
    }),
  ]
}
