import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { findShadowing, parseRoutingFile, pickRuleSet, toRoutedOperations, type RoutingFile } from '../src/routing/index.js'
import { answeredBy, contractFor, GATEWAYZ, HOKUSAI, operation, responseExample } from './support/engine.js'
import { expect, test } from './support/fixtures.js'
import { routingProbes } from './support/path-classes.js'
import { routeVerdict, startsLikeExample } from './support/route-verdict.js'
import { describeDeployedRouting } from '../src/playwright/describe-routing.js'

// Which service answers each routed path class on each public host (incidents.md #1 and #2). Every
// test sends one request that only the right service can answer. toMatchContract names the incident
// when the load balancer or another known service answered; the probe's proof then shows that the
// right service answered, for the answers no check can attribute.

const routingCache = new Map<string, RoutingFile>()
function routingFor(contract: string): RoutingFile {
  const file = join(dirname(contract), 'routing.yaml')
  if (!routingCache.has(file)) routingCache.set(file, parseRoutingFile(readFileSync(file, 'utf8'), file))
  return routingCache.get(file)!
}

for (const probe of routingProbes) {
  const op = operation(probe.contract, probe.operationId)
  const hostnames = routingFor(probe.contract).hosts
  // the service whose answer the client must get; a response may name its producer (x-service)
  const expected = op.responses.find((r) => r.status === probe.input.expect[0])?.service ?? op.service
  const shown = op.via && op.via !== op.service ? `${op.service} via ${op.via}` : op.service
  for (const host of probe.hosts ?? op.hosts) {
    const title = `${hostnames[host] ?? host} ${probe.pathClass} reaches ${shown}: ${probe.proves}`
    test(title, { tag: ['@routing', '@readonly', '@smoke'] }, async ({ send }) => {
      const x = await send(op.id, { ...probe.input, host })
      expect(x).toMatchContract()
      if (probe.proof === 'fingerprint') {
        const verdict = routeVerdict(expected, answeredBy(x, expected), x.response.status, x.response.contentType)
        expect(verdict, verdict).toBeUndefined()
      } else if (probe.proof !== 'schema') {
        const { example, status, mediaType } = probe.proof
        const page = responseExample(op, status, mediaType, example)
        const why = `misrouted: the ${x.response.status} ${x.response.contentType ?? ''} answer is not ${expected}'s own page `
          + `(${op.pointer} ${status} ${mediaType} example "${example}")`
        expect(startsLikeExample(x.response.text, page), why).toBe(true)
      }
      // 'schema': the success schema that toMatchContract checked is one only this service produces
    })
  }
}

// The static rule check (contracts/README.md § routing.yaml): before any request, the rule set the
// platform is meant to run routes every operation on every host it is served on to its service.
for (const contract of [HOKUSAI, GATEWAYZ]) {
  const routing = routingFor(contract)
  test(`static: ${routing.file} rule set "${routing.defaultName}" routes every operation of ${contract} to its service`, {
    tag: ['@routing', '@readonly'],
  }, () => {
    const findings = findShadowing(pickRuleSet(routing), toRoutedOperations(contractFor(contract).operations))
    expect(findings.map((f) => f.message), `${findings.length} routing finding(s) in rule set "${routing.defaultName}"`).toEqual([])
  })
}

// CONTRACT_ROUTING_RULES: the same static check over the rules as deployed (AWS JSON, Terraform, Ingress).
for (const contract of [HOKUSAI, GATEWAYZ]) describeDeployedRouting(contract)
