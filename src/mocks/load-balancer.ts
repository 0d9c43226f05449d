import { resolveRoute, type RuleSet } from '../routing/index.js'
import { noHealthyTarget, targetError } from './alb-pages.js'
import { ServiceDownError } from './down-service.js'
import type { MockService } from './service.js'

/** Answers one request that arrived on a public host (a name from routing.yaml `hosts`). */
export type LoadBalancer = (hostName: string, request: Request) => Promise<Response>

/**
 * A mock ALB: picks the target by the rule set (the same resolver as the static routing check),
 * answers fixed responses itself, and answers 503 text/html when the target service is down.
 */
export function createLoadBalancer(ruleSet: RuleSet, services: Readonly<Record<string, MockService>>): LoadBalancer {
  return async (hostName, request) => {
    const hostname = ruleSet.hosts[hostName]
    if (hostname === undefined) {
      const known = Object.keys(ruleSet.hosts).join(', ')
      throw new Error(`contractwright: the load balancer serves no host "${hostName}" (known: ${known})`)
    }
    // ALB path conditions see the path only, never the query string
    const route = resolveRoute(ruleSet, hostname, new URL(request.url).pathname, request.method)
    if (route.kind === 'unserved') {
      // no listener for this host: in the real world DNS would not lead here at all
      return new Response(`Misdirected Request: ${route.message}`, { status: 421, headers: { 'content-type': 'text/plain' } })
    }
    if (route.kind === 'fixed-response') {
      const { status, contentType, body, location } = route.fixedResponse
      return new Response(body, { status, headers: { 'content-type': contentType, ...(location !== undefined ? { location } : {}) } })
    }
    const service = services[route.target]
    // a target group with no registered service is, to a client, a target group with no healthy target
    if (service === undefined) return noHealthyTarget()
    try {
      return await service.handle(request)
    } catch (error) {
      if (error instanceof ServiceDownError) return noHealthyTarget()
      // a mock bug: answer as the ALB would, and say why in a header so the failure is debuggable
      return targetError(error instanceof Error ? error.message : String(error))
    }
  }
}
