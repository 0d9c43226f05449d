import { matchHostPattern, matchPathPattern } from './match-pattern.js'
import type { FixedResponse, Listener, Rule, RuleSet } from './rule-set.js'

export type Route =
  | { kind: 'target'; listener: Listener; rule?: Rule; target: string }
  | { kind: 'fixed-response'; listener: Listener; rule?: undefined; fixedResponse: FixedResponse }
  | { kind: 'unserved'; listener?: undefined; rule?: undefined; hostname: string; message: string }

/**
 * Where the load balancer sends a request. ALB rule evaluation: lowest priority number first,
 * first rule whose conditions all match wins, else the listener's default action.
 * `path` may carry a query string; it is ignored like the ALB does.
 */
export function resolveRoute(ruleSet: RuleSet, hostname: string, path: string): Route {
  const listener = ruleSet.listeners.find((l) => l.hosts.some((h) => matchHostPattern(h, hostname)))
  if (!listener) {
    const served = ruleSet.listeners.flatMap((l) => l.hosts).join(', ')
    return {
      kind: 'unserved',
      hostname,
      message: `no listener of rule set "${ruleSet.name}" serves host ${hostname} (served: ${served})`,
    }
  }
  const rule = findWinningRule(listener, hostname, path)
  if (rule) return { kind: 'target', listener, rule, target: rule.target }
  if (listener.default.fixedResponse) return { kind: 'fixed-response', listener, fixedResponse: listener.default.fixedResponse }
  return { kind: 'target', listener, target: listener.default.target }
}

/** Every rule of the listener whose conditions match, in evaluation order. */
export function matchingRules(listener: Listener, hostname: string, path: string): Rule[] {
  return inEvaluationOrder(listener).filter((rule) => ruleMatches(rule, hostname, path))
}

function findWinningRule(listener: Listener, hostname: string, path: string): Rule | undefined {
  return inEvaluationOrder(listener).find((rule) => ruleMatches(rule, hostname, path))
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

function ruleMatches(rule: Rule, hostname: string, path: string): boolean {
  if (rule.hosts && !rule.hosts.some((h) => matchHostPattern(h, hostname))) return false
  if (rule.paths && !rule.paths.some((p) => matchPathPattern(p, path))) return false
  return true
}
