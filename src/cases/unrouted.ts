import type { Contract, Operation } from '../contract/contract.js'
import type { Case } from './case.js'
import { exampleNames, exampleRequest, expectedStatus } from './example-request.js'
import { operationsMatching } from './path-template.js'
import { firstScheme } from './positive.js'

const PROBE_SEGMENT = 'cw-no-such-route'
const PROBE_METHODS = ['GET', 'DELETE', 'PATCH', 'PUT', 'POST'] // GET first: a wrong safe method changes nothing

/** The routed prefix an operation lives under: its path up to the first parameter, cut at the last '/'. */
export function routedPrefix(path: string): string {
  const brace = path.indexOf('{')
  const fixed = brace === -1 ? path : path.slice(0, brace)
  return fixed.slice(0, fixed.lastIndexOf('/') + 1)
}

/**
 * Walks up from an operation's prefix to an unknown sub-path no exact route matches. Under a
 * catch-all mount the mount's service owns it; the root has no owner and yields nothing.
 */
function probeFor(ops: readonly Operation[], op: Operation): { path: string; owner: Operation } | undefined {
  for (let prefix = routedPrefix(op.path); prefix.length > 1; prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1)) {
    const path = prefix + PROBE_SEGMENT
    const { exact, catchAll } = operationsMatching(ops, path)
    if (exact.length === 0) return { path, owner: catchAll[0] ?? op }
  }
  return undefined
}

/**
 * Unknown sub-paths under every routed prefix must reach the owning service and get its JSON 404,
 * not the load balancer's page; a method a path does not declare must get that service's 405.
 */
export function unroutedCases(contract: Contract): Case[] {
  const cases = new Map<string, Case>()
  const scheme = contract.authPrecedence[0] ?? Object.keys(contract.securitySchemes)[0]
  for (const op of contract.operations) {
    const host = op.hosts[0] ?? 'default'
    const probe = probeFor(contract.operations, op)
    if (!probe || cases.has(`${host} ${probe.path}`)) continue
    const service = probe.owner.service
    const prefix = probe.path.slice(0, -PROBE_SEGMENT.length)
    cases.set(`${host} ${probe.path}`, {
      id: `unrouted:${host}:${prefix}`,
      title: `${service} › GET ${prefix}* › unknown sub-path answers ${service} 404 (${host})`,
      operationId: undefined,
      kind: 'unrouted',
      name: `unknown sub-path answers ${service} 404`,
      // A valid key, so a secured service answers its 404 rather than 401; public routes ignore it.
      request: { method: 'GET', host, path: probe.path, query: {}, headers: {}, credential: probe.owner.credential, auth: scheme ? [{ scheme, key: 'valid' }] : [] },
      expect: { statuses: ['404'], service },
      tags: ['@generated', '@routing', '@readonly'],
      mutates: false,
    })
  }
  return [...cases.values(), ...wrongMethodCases(contract)]
}

function wrongMethodCases(contract: Contract): Case[] {
  const cases: Case[] = []
  const seen = new Set<string>()
  for (const op of contract.operations) {
    if (seen.has(op.path)) continue
    seen.add(op.path)
    const name = exampleNames(op)[0]!
    const built = exampleRequest(contract, op, name)
    if ('reason' in built) continue // reported as untestable by the positive generator
    if (expectedStatus(op, name) === '404') continue // the route itself is absent (a disabled debug route): no 405 to expect
    const { exact, catchAll } = operationsMatching(contract.operations, built.request.path)
    if (catchAll.length > 0) continue // a mount forwards every method: no 405 of its own
    const declared = new Set(exact.map((o) => o.method))
    const method = PROBE_METHODS.find((m) => !declared.has(m))
    if (!method) continue
    const scheme = firstScheme(contract, op)
    cases.push({
      id: `wrong-method:${method}:${op.path}`,
      title: `${op.service} › ${method} ${op.path} › 405 for an undeclared method`,
      operationId: undefined,
      kind: 'unrouted',
      name: '405 for an undeclared method',
      request: { ...built.request, method, body: undefined, headers: {}, auth: scheme ? [{ scheme, key: 'valid' }] : [] },
      // many frameworks (Fastify, Express) answer an undeclared method with 404: a warning for a plain document
      expect: { statuses: ['405'], service: op.service, ...(contract.plain ? { tolerated: ['404'] } : {}) },
      tags: ['@generated', '@routing', method === 'GET' ? '@readonly' : '@mutating'],
      mutates: method !== 'GET',
    })
  }
  return cases
}
