import type { Rule } from './rule-set.js'

/** `rule 100 (/api*)`, `rule 80 (auth.hokus.ai + /api/*)`: how messages and docs name a rule. */
export function describeRule(rule: Rule): string {
  return `rule ${rule.priority} (${describeConditions(rule)})`
}

/** The rule's conditions: hosts and paths joined with `+`, values of one condition with `, `. */
export function describeConditions(rule: Rule): string {
  const parts = [rule.hosts?.join(', '), rule.paths?.join(', ')].filter((p): p is string => Boolean(p))
  return parts.join(' + ')
}
