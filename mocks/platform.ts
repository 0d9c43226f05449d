import { fileURLToPath } from 'node:url'
import { ConfigError } from '../src/errors.js'
import { createLoadBalancer, downService, prependHandlers, type Fault, type HostHandler, type MockService } from '../src/mocks/index.js'
import { loadRoutingFile, pickRuleSet, type RoutingFile } from '../src/routing/index.js'
import { createApiService, type ApiSettings } from './services/api/index.js'
import { createAuthService, createKeyTable, type AuthSettings, type KeyTable } from './services/auth/index.js'
import { createCatalogService, type CatalogSettings } from './services/catalog/index.js'
import { createMlflowService, withTrackingToken, type MlflowSettings } from './services/mlflow/index.js'

/** Every public host of both platforms (api, registry, auth, catalog) → its request handler. */
export interface Platform {
  readonly hosts: Readonly<Record<string, HostHandler>>
  /** host name → its public origin (https://api.hokus.ai …), for in-process use with setupMockServer */
  readonly origins: Readonly<Record<string, string>>
  readonly keys: KeyTable
  readonly faults: readonly Fault[]
  /** the services as the load balancers see them (faults applied), for tests that inspect state */
  readonly services: Readonly<Record<ServiceName, MockService>>
}

export const serviceNames = ['auth', 'mlflow', 'api', 'catalog'] as const
export type ServiceName = (typeof serviceNames)[number]

const routingFiles = ['hokusai', 'gatewayz'].map((platform) =>
  fileURLToPath(new URL(`../contracts/${platform}/routing.yaml`, import.meta.url)))

/**
 * Builds the Hokusai and Gatewayz mock platforms with the given faults applied. A fault switches the
 * rule set, takes services down, overrides settings or prepends handlers; the healthy handlers and
 * rules are never edited.
 */
export async function createPlatform(options: { faults?: readonly Fault[]; keys?: KeyTable } = {}): Promise<Platform> {
  const faults = options.faults ?? []
  const keys = options.keys ?? createKeyTable()
  const routing = await Promise.all(routingFiles.map((file) => loadRoutingFile(file)))
  checkFaults(faults, routing)

  const settings = (service: ServiceName): object =>
    Object.assign({}, ...faults.map((fault) => fault.settings[service] ?? {}))
  const down = new Set(faults.flatMap((fault) => fault.down))
  // a caller sees a down dependency as a refused connection; otherwise fault handlers answer first
  const applyFaults = (name: ServiceName, healthy: () => MockService): MockService =>
    down.has(name) ? downService(name) : prependHandlers(healthy(), faults.flatMap((fault) => fault.handlers[name] ?? []))

  const auth = applyFaults('auth', () => createAuthService({ keys, settings: settings('auth') as Partial<AuthSettings> }))
  // the MLflow container's admin gateway validates keys with the auth service too (auth-service.md §7)
  // Hokusai's MLflow container runs 3.x (mlflow-proxy.md §10); the bare mock's default is 2.17.0
  const mlflow = applyFaults('mlflow', () => createMlflowService({ settings: { version: '3.1.2.dev0', ...(settings('mlflow') as Partial<MlflowSettings>) }, auth }))
  // the API's own MLflow reads pass that gateway too, with a tracking token (docs silent on which key)
  const api = applyFaults('api', () => createApiService({
    settings: settings('api') as Partial<ApiSettings>, auth, mlflow: withTrackingToken(mlflow, keys['admin-scope']),
  }))
  const catalog = applyFaults('catalog', () =>
    createCatalogService({ keys: [keys['gatewayz-user']], ...(settings('catalog') as Partial<CatalogSettings>) }))
  const services = { auth, mlflow, api, catalog }

  const hosts: Record<string, HostHandler> = {}
  const origins: Record<string, string> = {}
  for (const file of routing) {
    const override = faults.find((fault) => fault.routing !== undefined && fault.routing in file.ruleSets)
    const balance = createLoadBalancer(pickRuleSet(file, override?.routing), services)
    for (const [hostName, hostname] of Object.entries(file.hosts)) {
      hosts[hostName] = (request) => balance(hostName, request)
      origins[hostName] = `https://${hostname}`
    }
  }
  return { hosts, origins, keys, faults, services }
}

// Every reference a fault makes must exist: a typo would otherwise silently test the healthy platform.
function checkFaults(faults: readonly Fault[], routing: readonly RoutingFile[]): void {
  const problems: string[] = []
  const known = new Set<string>(serviceNames)
  for (const fault of faults) {
    const named = [...fault.down, ...Object.keys(fault.settings), ...Object.keys(fault.handlers)]
    for (const service of named.filter((name) => !known.has(name))) {
      problems.push(`fault "${fault.name}" names unknown service "${service}" (known: ${serviceNames.join(', ')})`)
    }
    if (fault.routing !== undefined && !routing.some((file) => fault.routing! in file.ruleSets)) {
      const all = routing.flatMap((file) => Object.keys(file.ruleSets)).join(', ')
      problems.push(`fault "${fault.name}" names unknown rule set "${fault.routing}" (known: ${all})`)
    }
  }
  if (problems.length > 0) throw new ConfigError(`contractwright: ${problems.join('\n  ')}`)
}
