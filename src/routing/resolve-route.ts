import { matchHostPattern, matchPathPattern } from './match-pattern.js'
import type { FixedResponse, Listener, Rule, RuleSet } from './rule-set.js'

export type Route =
  | { kind: 'target'; listener: Listener; rule?: Rule; target: string }
  | { kind: 'fixed-response'; listener: Listener; rule?: Rule; fixedResponse: FixedResponse }
  | { kind: 'unserved'; listener?: undefined; rule?: undefined; hostname: string; message: string }

/**
 * Where the load balancer sends a request. ALB rule evaluation: lowest priority number first,
 * first rule whose conditions all match wins, else the listener's default action.
 * `path` may carry a query string; it is ignored like the ALB does. Without `method`, rules with
 * a method condition match any method (the check then looks at paths only).
 */
export function resolveRoute(ruleSet: RuleSet, hostname: string, path: string, method?: string): Route {
  const listener = ruleSet.listeners.find((l) => l.hosts.some((h) => matchHostPattern(h, hostname)))
  if (!listener) {
    const served = ruleSet.listeners.flatMap((l) => l.hosts).join(', ')
    return {
      kind: 'unserved',
      hostname,
      message: `no listener of rule set "${ruleSet.name}" serves host ${hostname} (served: ${served})`,
    }
  }
  const rule = inEvaluationOrder(listener).find((r) => ruleMatches(r, hostname, path, method))
  const action = rule ?? listener.default
  if (action.fixedResponse) return { kind: 'fixed-response', listener, ...(rule ? { rule } : {}), fixedResponse: action.fixedResponse }
  return { kind: 'target', listener, ...(rule ? { rule } : {}), target: action.target }
}

/** Every rule of the listener whose conditions match, in evaluation order. */
export function matchingRules(listener: Listener, hostname: string, path: string, method?: string): Rule[] {
  return inEvaluationOrder(listener).filter((rule) => ruleMatches(rule, hostname, path, method))
}

// Sorted once per listener (rule sets are immutable once loaded).
const ordered = new WeakMap<Listener, Rule[]>()

function inEvaluationOrder(listener: Listener): Rule[] {
  let rules = ordered.get(listener)
  if (rules === undefined) {
    rules = [...listener.rules].sort((a, b) => a.priority - b.priority)
    ordered.set(listener, rules)
  }
  return rules
}

function ruleMatches(rule: Rule, hostname: string, path: string, method: string | undefined): boolean {
  if (rule.hosts && !rule.hosts.some((h) => matchHostPattern(h, hostname))) return false
  if (rule.paths && !rule.paths.some((p) => matchPathPattern(p, path))) return false
  if (rule.methods && method !== undefined && !rule.methods.includes(method.toUpperCase())) return false
  return true
}
