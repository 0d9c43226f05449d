import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { routingSchema } from './routing-schema.js'

type Raw = Record<string, any>

/** Every problem in a parsed routing.yaml, each naming the rule set, listener, rule priority and field. */
export function validateRouting(raw: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true })
  const validate = ajv.compile(routingSchema)
  if (!validate(raw)) return (validate.errors ?? []).map((e) => describeSchemaError(raw, e))
  return semanticProblems(raw as Raw)
}

function semanticProblems(raw: Raw): string[] {
  const problems: string[] = []
  const names = Object.keys(raw['rule-sets'])
  if (!names.includes(raw.default)) {
    problems.push(`default: unknown rule set "${raw.default}". Known rule sets: ${names.join(', ')}`)
  }
  for (const [name, ruleSet] of Object.entries<Raw>(raw['rule-sets'])) {
    const servedBy = new Map<string, string>()
    for (const listener of ruleSet.listeners as Raw[]) {
      const at = `rule set "${name}", listener "${listener.name}"`
      for (const host of listener.hosts as string[]) {
        const other = servedBy.get(host.toLowerCase())
        if (other) problems.push(`${at}, field hosts: ${host} is already served by listener "${other}" (a host is served by exactly one listener)`)
        else servedBy.set(host.toLowerCase(), listener.name)
      }
      const seen = new Set<number>()
      for (const rule of listener.rules as Raw[]) {
        if (seen.has(rule.priority)) problems.push(`${at}, rule ${rule.priority}, field priority: duplicate priority ${rule.priority} in this listener`)
        seen.add(rule.priority)
        if (!rule.hosts && !rule.paths) problems.push(`${at}, rule ${rule.priority}: needs a hosts or paths condition (an ALB rule has at least one)`)
      }
    }
  }
  return problems
}

// Turns Ajv's instancePath (/rule-sets/intended/listeners/0/rules/2/paths) into words a reader can find.
function describeSchemaError(raw: unknown, error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const parts: string[] = []
  let node: any = raw
  let field = ''
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const parent = segments[i - 1]
    node = node?.[segment]
    if (parent === 'rule-sets') parts.push(`rule set "${segment}"`)
    else if (parent === 'listeners') parts.push(`listener ${typeof node?.name === 'string' ? `"${node.name}"` : `#${Number(segment) + 1}`}`)
    else if (parent === 'rules') parts.push(`rule ${Number.isInteger(node?.priority) ? node.priority : `#${Number(segment) + 1}`}`)
    else if (!['rule-sets', 'listeners', 'rules'].includes(segment)) field = field ? `${field}.${segment}` : segment
  }
  const extra = error.params as Record<string, unknown>
  if (extra.additionalProperty) field = field ? `${field}.${extra.additionalProperty}` : String(extra.additionalProperty)
  if (extra.missingProperty) field = field ? `${field}.${extra.missingProperty}` : String(extra.missingProperty)
  if (field) parts.push(`field ${field}`)
  return `${parts.join(', ') || '(top level)'}: ${explain(error)}`
}

function explain(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'maxItems':
      return `at most ${p.limit} values per condition (AWS limit)`
    case 'additionalProperties':
      return 'unknown field'
    case 'required':
      return 'is required'
    case 'pattern':
      return `"${String(error.data)}" has characters an ALB pattern does not allow`
    case 'maxProperties':
      return 'give either target or fixed-response, not both'
    default:
      return error.message ?? error.keyword
  }
}
