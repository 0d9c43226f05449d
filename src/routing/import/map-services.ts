import { RoutingError } from '../routing-error.js'
import type { Listener, Rule, RuleAction, RuleSet } from '../rule-set.js'
import type { DeployedRules } from './load-deployed-rules.js'

export interface ServiceMapping {
  /** `--service <target-group-or-backend>=<service>` */
  services: Readonly<Record<string, string>>
  /** the contract's services; a deployed name equal to one needs no mapping */
  known: readonly string[]
  /** a single-service document: every forward not mapped otherwise goes to it */
  sole?: string
  /** contract host name → Host header (`api` → `api.hokus.ai`) */
  hosts: Record<string, string>
}

/** Deployed rules as a rule set whose targets are contract services; every unmapped name is one problem. */
export function toRuleSet(rules: DeployedRules, mapping: ServiceMapping): { ruleSet: RuleSet; warnings: string[] } {
  const problems: string[] = []
  const warnings = [...rules.warnings]
  const used = new Set<string>()
  for (const [from, to] of Object.entries(mapping.services)) {
    if (!mapping.known.includes(to)) problems.push(`--service ${from}=${to}: "${to}" is not a service of the contract (services: ${mapping.known.join(', ')})`)
  }
  const serviceOf = (name: string): string | undefined => {
    used.add(name)
    return mapping.services[name] ?? (mapping.known.includes(name) ? name : mapping.sole)
  }
  const unmapped = new Set<string>()
  const mapAction = (action: RuleAction, where: string): RuleAction => {
    if (action.fixedResponse) return action
    const names = action.target.split('|')
    const services = names.map((n) => serviceOf(n))
    names.forEach((n, i) => { if (services[i] === undefined) unmapped.add(n) })
    const distinct = [...new Set(services.filter((s): s is string => s !== undefined))]
    if (distinct.length > 1) warnings.push(`${where} forwards by weight to ${names.join(', ')}, which are ${distinct.join(', ')}; checked as ${distinct[0]} (the heaviest)`)
    return { target: distinct[0] ?? names[0]! }
  }
  const listeners: Listener[] = rules.listeners.map((l) => ({
    ...l,
    rules: l.rules.map((r): Rule => {
      const { target: _target, fixedResponse: _fixed, ...conditions } = r
      return { ...conditions, ...mapAction(r, `listener "${l.name}" rule ${r.priority}`) }
    }),
    default: mapAction(l.default, `the default of listener "${l.name}"`),
  }))
  for (const name of unmapped) {
    problems.push(`target "${name}" is not mapped to a service: pass --service ${name}=<service> (services: ${mapping.known.join(', ')})`)
  }
  for (const from of Object.keys(mapping.services)) if (!used.has(from)) warnings.push(`--service ${from}=…: no rule or default forwards to "${from}"`)
  if (problems.length > 0) throw new RoutingError(rules.source, problems)
  const ruleSet: RuleSet = { name: rules.format === 'routing.yaml' ? 'routing.yaml' : `deployed (${rules.format})`, description: `imported from ${rules.source}`, source: rules.source, file: rules.source, hosts: mapping.hosts, listeners }
  return { ruleSet, warnings }
}
