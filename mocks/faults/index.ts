// The list of mock faults, one per incident class (/work/shared/incidents.md); MOCK_FAULTS picks from it.
import type { Fault } from '../../src/mocks/index.js'
import albV1Unrouted from './alb-v1-unrouted.js'
import albShadowMlflow from './alb-shadow-mlflow.js'
import albAuthShadowed from './alb-auth-shadowed.js'
import hfTokenMissing from './hf-token-missing.js'
import deployStale from './deploy-stale.js'
import registryAdminRequired from './registry-admin-required.js'
import mlflowDown from './mlflow-down.js'
import authServiceDown from './auth-service-down.js'
import authBypass from './auth-bypass.js'
import schemaDriftInfo from './schema-drift-info.js'
import aliasBroken from './alias-broken.js'
import paginationCapped from './pagination-capped.js'
import catalogShrunk from './catalog-shrunk.js'
import offsetIgnored from './offset-ignored.js'
import duplicatesAcrossPages from './duplicates-across-pages.js'
import modelMissing from './model-missing.js'

export const faults: readonly Fault[] = [
  albV1Unrouted,
  albShadowMlflow,
  albAuthShadowed,
  hfTokenMissing,
  deployStale,
  registryAdminRequired,
  mlflowDown,
  authServiceDown,
  authBypass,
  schemaDriftInfo,
  aliasBroken,
  paginationCapped,
  catalogShrunk,
  offsetIgnored,
  duplicatesAcrossPages,
  modelMissing,
]
