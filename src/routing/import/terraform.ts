// Terraform `aws_lb_listener_rule` / `aws_alb_listener_rule` and `aws_lb_listener` / `aws_alb_listener`
// resources, parsed with HashiCorp's HCL parser (@cdktf/hcl2json), never with regular expressions.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parse } from '@cdktf/hcl2json'
import type { FixedResponse, Listener, Rule, RuleAction } from '../rule-set.js'
import { targetGroupName } from './aws-rules.js'
import { isObject, Problems, type ImportedRules, type Json } from './imported-rules.js'
import { evaluate, UnresolvedExpression, type TerraformScope } from './terraform-values.js'

const RULE_TYPES = ['aws_lb_listener_rule', 'aws_alb_listener_rule']
const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener']
const TARGET_GROUP_TYPES = ['aws_lb_target_group', 'aws_alb_target_group']
const CONDITIONS: Record<string, 'paths' | 'hosts' | 'methods' | undefined> = {
  path_pattern: 'paths', host_header: 'hosts', http_request_method: 'methods', http_header: undefined, query_string: undefined, source_ip: undefined,
}

interface Parsed { file: string; json: Json }

/** The .tf files of a file or folder (recursively, skipping .terraform), and the values in its .tfvars. */
export async function readTerraform(path: string): Promise<{ files: Parsed[]; tfvars: Parsed[]; problems: Map<string, string[]> }> {
  const names = (await stat(path)).isDirectory() ? await listFiles(path) : [path]
  const files: Parsed[] = []
  const tfvars: Parsed[] = []
  const problems = new Map<string, string[]>()
  for (const file of names.filter((n) => n.endsWith('.tf') || n.endsWith('.tfvars'))) {
    try {
      const json = (await parse(file, await readFile(file, 'utf8'))) as Json
      ;(file.endsWith('.tfvars') ? tfvars : files).push({ file, json })
    } catch (error) {
      problems.set(file, [`not valid HCL: ${String((error as Error).message ?? error).replace(/^parse config: \[|\]$/g, '').split('\n')[0]}`])
    }
  }
  return { files, tfvars, problems }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue // .terraform holds downloaded modules, not this module's rules
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(full)))
    else out.push(full)
  }
  return out
}

export function looksLikeTerraform(files: readonly Parsed[]): boolean {
  return files.some(({ json }) => [...RULE_TYPES, ...LISTENER_TYPES].some((t) => isObject(json.resource) && t in json.resource))
}

/** Listener rules grouped by the listener they attach to; target groups are named by resource name. */
export function importTerraform(source: string, files: readonly Parsed[], tfvars: readonly Parsed[]): { rules: ImportedRules; problems: Map<string, string[]> } {
  const problemsByFile = new Map<string, Problems>()
  const problemsOf = (file: string) => problemsByFile.get(file) ?? problemsByFile.set(file, new Problems()).get(file)!
  const warnings: string[] = []
  const scope = buildScope(files, tfvars)
  const listeners = new Map<string, { name: string; rules: Rule[]; default?: RuleAction; file?: string }>()
  const listenerFor = (key: string) => listeners.get(key) ?? listeners.set(key, { name: key, rules: [] }).get(key)!

  for (const { file, json } of files) {
    const problems = problemsOf(file)
    for (const [type, name, body] of resources(json, LISTENER_TYPES)) {
      const at = `${type}.${name}`
      const entry = listenerFor(at)
      entry.file = file
      const value = (field: string, v: unknown) => valueOf(v, scope, problems, `${at}.${field}`)
      const port = value('port', body.port)
      const protocol = value('protocol', body.protocol)
      if (port !== undefined && protocol !== undefined) entry.name = `${at} (${String(protocol)}:${String(port)})`
      const actions = blocks(body.default_action)
      if (actions.length === 0) problems.add(`${at}.default_action`, 'is required')
      else entry.default = readAction(actions, `${at}.default_action`, scope, problems)
    }
    for (const [type, name, body] of resources(json, RULE_TYPES)) {
      const at = `${type}.${name}`
      if (body.dynamic !== undefined) { problems.add(`${at}.dynamic`, 'dynamic blocks are not evaluated; write the condition and action blocks out'); continue }
      const count = valueOf(body.count, scope, problems, `${at}.count`)
      if (count === 0) continue
      if (body.for_each !== undefined || (count !== undefined && count !== 1)) warnings.push(`${file}: ${at} has count or for_each; it is read once`)
      const listenerKey = listenerKeyOf(body.listener_arn, scope)
      if (listenerKey === undefined) { problems.add(`${at}.listener_arn`, 'is required'); continue }
      const rawPriority = valueOf(body.priority, scope, problems, `${at}.priority`)
      const priority = rawPriority === undefined ? undefined : Number(rawPriority)
      if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > 50000)) {
        problems.add(`${at}.priority`, `${JSON.stringify(rawPriority)} is not a priority (an integer 1 to 50000)`)
        continue
      }
      const conditions = readConditions(blocks(body.condition), at, scope, problems, warnings)
      const action = readAction(blocks(body.action), `${at}.action`, scope, problems)
      if (!conditions || !action) continue
      const entry = listenerFor(listenerKey)
      // without a priority AWS gives the rule the next free one, in the order rules are created
      const p = priority ?? Math.max(0, ...entry.rules.map((r) => r.priority)) + 1
      if (priority === undefined) warnings.push(`${file}: ${at} has no priority; read as ${p} (AWS assigns the next free one)`)
      entry.rules.push({ priority: p, name: at, ...conditions, ...action })
    }
  }
  const out: Listener[] = []
  for (const [key, l] of listeners) {
    if (!l.default) {
      problemsOf(files[0]!.file).add(key, `the listener its rules attach to is not defined in ${source}, so its default action is unknown (add the aws_lb_listener resource)`)
      continue
    }
    out.push({ name: l.name, hosts: ['*'], rules: l.rules.sort((a, b) => a.priority - b.priority), default: l.default })
  }
  if (out.length > 1) warnings.push(`${out.length} listeners imported; each host is checked on the first (${out[0]!.name})`)
  const problems = new Map([...problemsByFile].filter(([, p]) => p.list.length > 0).map(([f, p]) => [relativeTo(source, f), p.list]))
  return { rules: { format: 'terraform', source, listeners: out, warnings }, problems }
}

function relativeTo(source: string, file: string): string {
  return file === source ? file : join(source, relative(source, file))
}

function buildScope(files: readonly Parsed[], tfvars: readonly Parsed[]): TerraformScope {
  const variables = new Map<string, unknown>()
  const locals = new Map<string, unknown>()
  for (const { json } of files) {
    for (const [name, decl] of Object.entries(isObject(json.variable) ? json.variable : {})) {
      const d = blocks(decl)[0]
      if (d && 'default' in d) variables.set(name, d.default)
    }
    for (const block of blocks(json.locals)) for (const [k, v] of Object.entries(block)) locals.set(k, v)
  }
  // terraform.tfvars, then *.auto.tfvars in name order: later files win, as terraform does
  const ordered = [...tfvars].sort((a, b) => Number(a.file.endsWith('auto.tfvars')) - Number(b.file.endsWith('auto.tfvars')) || a.file.localeCompare(b.file))
  for (const { json } of ordered) for (const [k, v] of Object.entries(json)) variables.set(k, v)
  return {
    variables,
    locals,
    reference(type, name) {
      if (TARGET_GROUP_TYPES.includes(type)) return name
      if (LISTENER_TYPES.includes(type)) return `${type}.${name}`
      throw new UnresolvedExpression(`\${${type}.${name}} is not a target group or listener reference`)
    },
  }
}

function listenerKeyOf(raw: unknown, scope: TerraformScope): string | undefined {
  if (raw === undefined) return undefined
  try {
    return String(evaluate(raw, scope))
  } catch {
    return String(raw) // a listener passed in (var.listener_arn): grouped by the expression
  }
}

function valueOf(raw: unknown, scope: TerraformScope, problems: Problems, at: string): unknown {
  try {
    return evaluate(raw, scope)
  } catch (error) {
    if (!(error instanceof UnresolvedExpression)) throw error
    problems.add(at, error.message)
    return undefined
  }
}

function readConditions(conditions: Json[], at: string, scope: TerraformScope, problems: Problems, warnings: string[]): Pick<Rule, 'hosts' | 'paths' | 'methods'> | undefined {
  if (conditions.length === 0) { problems.add(`${at}.condition`, 'a listener rule needs at least one condition block'); return undefined }
  const out: Pick<Rule, 'hosts' | 'paths' | 'methods'> = {}
  let ok = true
  for (const [i, c] of conditions.entries()) {
    for (const [field, raw] of Object.entries(c)) {
      const cAt = `${at}.condition[${i}].${field}`
      if (!(field in CONDITIONS)) { problems.add(cAt, `unknown condition "${field}" (known: ${Object.keys(CONDITIONS).join(', ')})`); ok = false; continue }
      const key = CONDITIONS[field]
      if (key === undefined) { warnings.push(`${at}: its ${field} condition is not modelled, so the rule is left out`); return undefined }
      const values = valueOf(blocks(raw)[0]?.values, scope, problems, `${cAt}.values`)
      if (!Array.isArray(values) || values.length === 0) { problems.add(`${cAt}.values`, 'needs a non-empty list of strings'); ok = false; continue }
      const strings = values.map((v) => String(valueOf(v, scope, problems, `${cAt}.values`)))
      out[key] = [...(out[key] ?? []), ...(key === 'methods' ? strings.map((s) => s.toUpperCase()) : strings)]
    }
  }
  return ok ? out : undefined
}

function readAction(actions: Json[], at: string, scope: TerraformScope, problems: Problems): RuleAction | undefined {
  const terminal = actions.filter((a) => !String(a.type).startsWith('authenticate-'))
  const a = terminal[terminal.length - 1]
  if (!a) { problems.add(at, 'needs a forward, fixed-response or redirect action'); return undefined }
  const v = (field: string, raw: unknown) => valueOf(raw, scope, problems, `${at}.${field}`)
  switch (v('type', a.type)) {
    case 'forward': {
      const groups = a.target_group_arn !== undefined
        ? [{ arn: v('target_group_arn', a.target_group_arn), weight: 1 }]
        : blocks(blocks(a.forward)[0]?.target_group).map((g) => ({ arn: v('forward.target_group.arn', g.arn), weight: Number(v('forward.target_group.weight', g.weight ?? 1)) }))
      const live = groups.filter((g) => g.arn !== undefined && g.weight > 0).sort((x, y) => y.weight - x.weight)
      if (live.length === 0) { problems.add(at, 'forward needs target_group_arn or forward { target_group { arn } }'); return undefined }
      return { target: [...new Set(live.map((g) => targetGroupName(String(g.arn))))].join('|') }
    }
    case 'fixed-response': {
      const f = blocks(a.fixed_response)[0] ?? {}
      const status = Number(v('fixed_response.status_code', f.status_code))
      if (!Number.isInteger(status)) { problems.add(`${at}.fixed_response.status_code`, 'is required'); return undefined }
      const fixed: FixedResponse = { status, contentType: String(v('fixed_response.content_type', f.content_type) ?? 'text/plain'), body: String(v('fixed_response.message_body', f.message_body) ?? '') }
      return { fixedResponse: fixed }
    }
    case 'redirect': {
      const r = blocks(a.redirect)[0] ?? {}
      const field = (k: string, d: string) => String(v(`redirect.${k}`, r[k]) ?? d)
      const status = Number(field('status_code', 'HTTP_301').replace('HTTP_', ''))
      return { fixedResponse: { status, contentType: 'text/html', body: '', location: `${field('protocol', '#{protocol}').toLowerCase()}://${field('host', '#{host}')}:${field('port', '#{port}')}${field('path', '/#{path}')}?${field('query', '#{query}')}` } }
    }
    default:
      problems.add(`${at}.type`, `unknown action type ${JSON.stringify(a.type)} (known: forward, fixed-response, redirect)`)
      return undefined
  }
}

function* resources(json: Json, types: readonly string[]): Generator<[string, string, Json]> {
  const all = isObject(json.resource) ? json.resource : {}
  for (const type of types) {
    for (const [name, body] of Object.entries(isObject(all[type]) ? all[type] : {})) {
      for (const b of blocks(body)) yield [type, name, b]
    }
  }
}

// hcl2json prints every block as a list of objects
function blocks(raw: unknown): Json[] {
  if (Array.isArray(raw)) return raw.filter(isObject)
  return isObject(raw) ? [raw] : []
}
