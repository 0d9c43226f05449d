import type { FixedResponse, Rule, RuleAction } from './rule-set.js'

/** `rule 100 (/api*)`, `rule 80 aws_lb_listener_rule.auth (auth.hokus.ai + /api/*)`: how messages and docs name a rule. */
export function describeRule(rule: Rule): string {
  return `rule ${rule.priority}${rule.name ? ` ${rule.name}` : ''} (${describeConditions(rule)})`
}

/** The rule's conditions: hosts, paths and methods joined with `+`, values of one condition with `, `. */
export function describeConditions(rule: Rule): string {
  const parts = [rule.hosts?.join(', '), rule.paths?.join(', '), rule.methods?.join(', ')].filter((p): p is string => Boolean(p))
  return parts.join(' + ')
}

/** `api`, `fixed 404 text/plain`, `redirect 301 to https://#{host}/#{path}`: a rule's or default's action. */
export function describeAction(action: RuleAction): string {
  if (!action.fixedResponse) return action.target
  return action.fixedResponse.location !== undefined ? describeFixedResponse(action.fixedResponse) : `fixed ${describeFixedResponse(action.fixedResponse)}`
}

/** What the load balancer answers itself: `404 text/plain`, `redirect 301 to …`. */
export function describeFixedResponse(f: FixedResponse): string {
  return f.location !== undefined ? `redirect ${f.status} to ${f.location}` : `${f.status} ${f.contentType}`
}
