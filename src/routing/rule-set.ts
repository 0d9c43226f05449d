import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { RoutingError } from './routing-error.js'
import { validateRouting } from './validate-routing.js'

/** What the load balancer answers itself: a fixed-response action, or a redirect (`location`). */
export interface FixedResponse {
  status: number
  contentType: string
  body: string
  location?: string
}

/** Forward to a service (a target group mapped to its service), or answer without any service. */
export type RuleAction = { target: string; fixedResponse?: undefined } | { target?: undefined; fixedResponse: FixedResponse }

/** One ALB listener rule: all given conditions must match (values inside one condition are OR-ed). */
export type Rule = RuleAction & {
  priority: number
  /** where an imported rule came from (a Terraform resource address, an Ingress and path), for messages */
  name?: string
  hosts?: string[]
  paths?: string[]
  /** http-request-method condition; absent: any method */
  methods?: string[]
}

export type ListenerDefault = RuleAction

export interface Listener {
  name: string
  hosts: string[]
  /** Sorted by ascending priority: the order the ALB evaluates them in. */
  rules: Rule[]
  default: ListenerDefault
}

/** One named rule set of a routing.yaml, with the file's host names (`api` → `api.hokus.ai`). */
export interface RuleSet {
  name: string
  description: string
  source: string
  file: string
  hosts: Record<string, string>
  listeners: Listener[]
}

export interface RoutingFile {
  file: string
  hosts: Record<string, string>
  /** The rule set the mock uses and the static check must pass. */
  defaultName: string
  ruleSets: Record<string, RuleSet>
}

/** Reads and validates a routing.yaml; throws RoutingError listing every problem. */
export async function loadRoutingFile(file: string): Promise<RoutingFile> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new RoutingError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`])
  }
  return parseRoutingFile(text, file)
}

/** One rule set of a routing.yaml: `name`, else the file's `default`. */
export async function loadRuleSet(file: string, name?: string): Promise<RuleSet> {
  return pickRuleSet(await loadRoutingFile(file), name)
}

/** The named rule set of a loaded file, or a RoutingError listing the known names. */
export function pickRuleSet(routing: RoutingFile, name?: string): RuleSet {
  const wanted = name ?? routing.defaultName
  const found = routing.ruleSets[wanted]
  if (found) return found
  const known = Object.keys(routing.ruleSets).join(', ')
  throw new RoutingError(routing.file, [`unknown rule set "${wanted}". Known rule sets: ${known}`])
}

/** Parses routing.yaml text; `file` is only used in messages. */
export function parseRoutingFile(text: string, file: string): RoutingFile {
  let raw: any
  try {
    raw = parse(text)
  } catch (error) {
    throw new RoutingError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`])
  }
  const problems = validateRouting(raw)
  if (problems.length > 0) throw new RoutingError(file, problems)
  const hosts: Record<string, string> = { ...raw.hosts }
  const ruleSets: Record<string, RuleSet> = {}
  for (const [name, set] of Object.entries<any>(raw['rule-sets'])) {
    ruleSets[name] = {
      name,
      description: set.description.trim(),
      source: set.source.trim(),
      file,
      hosts,
      listeners: set.listeners.map(toListener),
    }
  }
  return { file, hosts, defaultName: raw.default, ruleSets }
}

function toListener(raw: any): Listener {
  const rules: Rule[] = raw.rules.map((r: any) => ({
    priority: r.priority,
    ...(r.hosts ? { hosts: [...r.hosts] } : {}),
    ...(r.paths ? { paths: [...r.paths] } : {}),
    target: r.target,
  }))
  rules.sort((a, b) => a.priority - b.priority)
  const fixed = raw.default['fixed-response']
  const listenerDefault: ListenerDefault = fixed
    ? { fixedResponse: { status: fixed.status, contentType: fixed['content-type'], body: fixed.body } }
    : { target: raw.default.target }
  return { name: raw.name, hosts: [...raw.hosts], rules, default: listenerDefault }
}
