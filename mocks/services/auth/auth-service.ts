import { http } from 'msw'
import { serviceFromHandlers, type MockService } from '../../../src/mocks/service.js'
import { resolveAuthSettings, type AuthSettings } from './auth-settings.js'
import { debitUsage, type DebitRecord } from './debit-usage.js'
import { authError } from './json-answers.js'
import type { KeyTable } from './key-table.js'
import { validateKey } from './validate-key.js'

/** The mock auth service, plus the debits it received (newest last, bounded). */
export interface AuthService extends MockService {
  readonly debits: readonly DebitRecord[]
}

const maxDebitRecords = 1000
const validatePath = /^\/api\/v1\/keys\/validate$/
const debitPath = /^\/api\/v1\/usage\/[^/]+\/debit$/

/** auth.hokus.ai: the two endpoints the API middleware calls (auth-service.md §2, §4). */
export function createAuthService(input: { keys: KeyTable; settings?: Partial<AuthSettings> }): AuthService {
  const settings = resolveAuthSettings(input.settings)
  const debits: DebitRecord[] = []
  const record = (debit: DebitRecord) => {
    debits.push(debit)
    if (debits.length > maxDebitRecords) debits.shift()
  }
  const service = serviceFromHandlers('auth', [
    http.post('*/api/v1/keys/validate', ({ request }) => validateKey(request, input.keys, settings)),
    http.post('*/api/v1/usage/:keyId/debit', ({ request, params }) => debitUsage(request, String(params.keyId), record)),
  ], (request) => {
    // a known path with another method is 405, anything else 404, both in the auth error envelope
    const path = new URL(request.url).pathname
    if (validatePath.test(path) || debitPath.test(path)) return authError(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed', { allow: 'POST' })
    return authError(404, 'NOT_FOUND', 'Not Found')
  })
  return { name: service.name, handle: (request) => service.handle(request), debits }
}
