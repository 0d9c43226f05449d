import type { Check } from './check.js'
import { answeredByService } from './answered-by-service.js'
import { authEnforced } from './auth-enforced.js'
import { ensureResourceAvailability } from './ensure-resource-availability.js'
import { ignoredAuth } from './ignored-auth.js'
import { negativeDataRejection } from './negative-data-rejection.js'
import { positiveDataAcceptance } from './positive-data-acceptance.js'
import { responseHeadersConformance } from './response-headers-conformance.js'
import { contentTypeConformance } from './content-type-conformance.js'
import { latencyBudget } from './latency-budget.js'
import { notAServerError } from './not-a-server-error.js'
import { responseSchemaConformance } from './response-schema-conformance.js'
import { statusCodeConformance } from './status-code-conformance.js'
import { statusExpected } from './status-expected.js'

/** Order matters for reading: who answered first, then what they said. */
export const builtinChecks: readonly Check[] = [
  answeredByService, authEnforced, ignoredAuth, notAServerError, statusExpected, statusCodeConformance, positiveDataAcceptance, negativeDataRejection,
  contentTypeConformance, responseSchemaConformance, responseHeadersConformance, ensureResourceAvailability, latencyBudget,
]
