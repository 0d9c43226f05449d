import type { Check } from './check.js'
import { answeredByService } from './answered-by-service.js'
import { authEnforced } from './auth-enforced.js'
import { contentTypeDeclared } from './content-type-declared.js'
import { latencyBudget } from './latency-budget.js'
import { noServerError } from './no-server-error.js'
import { schemaConforms } from './schema-conforms.js'
import { statusDeclared } from './status-declared.js'
import { statusExpected } from './status-expected.js'

/** Order matters for reading: who answered first, then what they said. */
export const builtinChecks: readonly Check[] = [
  answeredByService, authEnforced, noServerError, statusExpected, statusDeclared, contentTypeDeclared, schemaConforms, latencyBudget,
]
