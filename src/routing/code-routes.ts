import type { Operation } from '../contract/contract.js'
import { templateMatches } from '../cases/path-template.js'
import { findShadowing, type RoutedOperation, type RoutingFinding } from './find-shadowing.js'
import { probePaths } from './probe-paths.js'
import type { RuleSet } from './rule-set.js'

export interface CodeRoutesReport {
  service: string
  /** routes the service's code publishes that the rules do not deliver to it (the 404 incidents) */
  unreachable: RoutingFinding[]
  /** contract operations of the service that its code does not publish */
  notInCode: Array<{ operationId: string; method: string; path: string; message: string }>
}

/**
 * The route list a service publishes (its generated OpenAPI document) against the deployed rules
 * and the contract: every code route is resolved on the hosts the contract serves that service on.
 */
export function checkCodeRoutes(ruleSet: RuleSet, service: string, code: readonly Operation[], contract: readonly RoutedOperation[], codeSource: string): CodeRoutesReport {
  const hosts = [...new Set(contract.filter((op) => (op.via ?? op.service) === service).flatMap((op) => op.hosts))]
  const routed: RoutedOperation[] = code.map((op) => ({ operationId: `${op.method} ${op.path}`, method: op.method, path: op.path, service, hosts }))
  const unreachable = findShadowing(ruleSet, routed).map((f) => ({ ...f, message: `${f.operationId} is in the code of ${service} (${codeSource}), but ${f.message}` }))
  const notInCode = contract
    .filter((op) => (op.via ?? op.service) === service && !code.some((c) => c.method === op.method.toUpperCase() && servesPath(c.path, op.path)))
    .map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path,
      message: `not in the code: ${op.method.toUpperCase()} ${op.path} (${op.operationId}) is in the contract, but ${codeSource} has no such route of ${service}` }))
  return { service, unreachable, notInCode }
}

// Parameter names differ between documents ({id} vs {model_id}); a catch-all `{path}` of the code serves any depth.
function servesPath(codeTemplate: string, contractTemplate: string): boolean {
  const shape = (t: string) => t.replace(/\{[^}]+\}/g, '{}')
  if (shape(codeTemplate) === shape(contractTemplate)) return true
  const catchAll = new Set([...codeTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => /path/i.test(n)))
  return probePaths(contractTemplate).some((p) => templateMatches(codeTemplate, p, catchAll))
}
