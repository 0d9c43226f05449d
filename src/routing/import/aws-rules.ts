// `aws elbv2 describe-rules --listener-arn …` and `aws elbv2 describe-listeners` output
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Rule.html).
import type { FixedResponse, Listener, Rule, RuleAction } from '../rule-set.js'
import { isObject, Problems, type ImportedRules, type Json } from './imported-rules.js'

const CONFIG_OF: Record<string, string> = {
  'path-pattern': 'PathPatternConfig',
  'host-header': 'HostHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
}
const PRE_ACTIONS = new Set(['authenticate-oidc', 'authenticate-cognito'])

/** Is this parsed JSON an elbv2 describe-rules or describe-listeners answer? */
export function looksLikeAws(raw: unknown): boolean {
  return isObject(raw) && (Array.isArray(raw.Rules) || Array.isArray(raw.Listeners))
}

/** One or more describe-rules / describe-listeners answers → one listener per listener ARN. */
export function importAwsRules(inputs: ReadonlyArray<{ file: string; raw: Json }>, problemsByFile: Map<string, string[]>): ImportedRules {
  const listeners = new Map<string, { name: string; rules: Rule[]; default?: RuleAction }>()
  const warnings: string[] = []
  const listenerFor = (arn: string) => {
    let l = listeners.get(arn)
    if (!l) listeners.set(arn, (l = { name: listenerName(arn), rules: [] }))
    return l
  }
  for (const { file, raw } of inputs) {
    const problems = new Problems()
    for (const [i, l] of (Array.isArray(raw.Listeners) ? raw.Listeners : []).entries()) {
      const at = `/Listeners/${i}`
      if (!isObject(l) || typeof l.ListenerArn !== 'string') { problems.add(at, 'needs ListenerArn'); continue }
      const entry = listenerFor(l.ListenerArn)
      if (l.Protocol && l.Port) entry.name = `${loadBalancerName(l.ListenerArn)} ${String(l.Protocol)}:${String(l.Port)}`
      const action = readActions(l.DefaultActions, `${at}/DefaultActions`, problems)
      if (action) entry.default ??= action
    }
    for (const [i, r] of (Array.isArray(raw.Rules) ? raw.Rules : []).entries()) {
      const at = `/Rules/${i}`
      if (!isObject(r)) { problems.add(at, 'a rule must be an object'); continue }
      const arn = typeof r.RuleArn === 'string' ? r.RuleArn : undefined
      const entry = listenerFor(arn ? listenerArnOfRule(arn) : `${file} (no RuleArn)`)
      const action = readActions(r.Actions, `${at}/Actions`, problems)
      if (r.IsDefault === true || r.Priority === 'default') {
        if (action) entry.default = action
        continue
      }
      const priority = Number(r.Priority)
      if (!Number.isInteger(priority) || priority < 1 || priority > 50000) {
        problems.add(`${at}/Priority`, `"${String(r.Priority)}" is not a priority (an integer 1 to 50000, or "default")`)
        continue
      }
      const conditions = readConditions(r.Conditions, `${at}/Conditions`, problems, warnings, `${file} rule ${priority}`)
      if (action && conditions) entry.rules.push({ priority, ...conditions, ...action })
    }
    if (problems.list.length > 0) problemsByFile.set(file, problems.list)
  }
  const out: Listener[] = []
  for (const [arn, l] of listeners) {
    if (!l.default) {
      problemsByFile.set(inputs[0]!.file, [...(problemsByFile.get(inputs[0]!.file) ?? []),
        `listener ${arn}: no default action (describe-rules prints it as the rule with Priority "default"; or add the describe-listeners output)`])
      continue
    }
    out.push({ name: l.name, hosts: ['*'], rules: l.rules.sort((a, b) => a.priority - b.priority), default: l.default })
  }
  if (out.length > 1) warnings.push(`${out.length} listeners imported; AWS listeners accept any Host, so each host is checked on the first (${out[0]!.name})`)
  return { format: 'aws', source: inputs.map((i) => i.file).join(', '), listeners: out, warnings }
}

function readConditions(raw: unknown, at: string, problems: Problems, warnings: string[], rule: string): Pick<Rule, 'hosts' | 'paths' | 'methods'> | undefined {
  if (!Array.isArray(raw) || raw.length === 0) { problems.add(at, 'a rule needs at least one condition'); return undefined }
  const out: Pick<Rule, 'hosts' | 'paths' | 'methods'> = {}
  let ok = true
  let skip = false
  for (const [i, c] of raw.entries()) {
    const cAt = `${at}/${i}`
    const field = isObject(c) ? c.Field : undefined
    if (typeof field !== 'string' || !(field in CONFIG_OF)) {
      problems.add(`${cAt}/Field`, `unknown condition field ${JSON.stringify(field)} (known: ${Object.keys(CONFIG_OF).join(', ')})`)
      ok = false
      continue
    }
    const cond = c as Json
    const config = cond[CONFIG_OF[field]!]
    if (isObject(config) && Array.isArray(config.RegexValues)) {
      problems.add(`${cAt}/${CONFIG_OF[field]}/RegexValues`, 'regex conditions are not modelled; use Values (wildcards)')
      ok = false
      continue
    }
    const values = isObject(config) && Array.isArray(config.Values) ? config.Values : cond.Values
    if (field === 'http-header' || field === 'query-string' || field === 'source-ip') {
      // these match on what a client sends beyond host, path and method: a contract request may or may not carry it
      warnings.push(`${rule}: its ${field} condition is not modelled, so the rule is left out (a contract request is assumed not to match it)`)
      skip = true
      continue
    }
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) {
      problems.add(cAt, `${field} needs Values (or ${CONFIG_OF[field]}.Values): a non-empty list of strings`)
      ok = false
      continue
    }
    const key = field === 'path-pattern' ? 'paths' : field === 'host-header' ? 'hosts' : 'methods'
    out[key] = [...(out[key] ?? []), ...(key === 'methods' ? values.map((v) => v.toUpperCase()) : values)]
  }
  return ok && !skip ? out : undefined
}

function readActions(raw: unknown, at: string, problems: Problems): RuleAction | undefined {
  if (!Array.isArray(raw) || raw.length === 0) { problems.add(at, 'needs at least one action'); return undefined }
  // authenticate-* actions come first (by Order); the last action decides who answers
  const ordered = raw.map((a, i) => ({ a, i })).sort((x, y) => Number((x.a as Json)?.Order ?? x.i) - Number((y.a as Json)?.Order ?? y.i))
  const terminal = ordered.filter(({ a }) => !PRE_ACTIONS.has(String((a as Json)?.Type)))
  const last = terminal[terminal.length - 1]
  if (!last || !isObject(last.a)) { problems.add(at, 'needs a forward, fixed-response or redirect action'); return undefined }
  const a = last.a
  const aAt = `${at}/${last.i}`
  switch (a.Type) {
    case 'forward': return readForward(a, aAt, problems)
    case 'fixed-response': {
      const c = isObject(a.FixedResponseConfig) ? a.FixedResponseConfig : {}
      const status = Number(c.StatusCode)
      if (!Number.isInteger(status)) { problems.add(`${aAt}/FixedResponseConfig/StatusCode`, 'needs a status code'); return undefined }
      const fixed: FixedResponse = { status, contentType: String(c.ContentType ?? 'text/plain'), body: String(c.MessageBody ?? '') }
      return { fixedResponse: fixed }
    }
    case 'redirect': {
      const c = isObject(a.RedirectConfig) ? a.RedirectConfig : {}
      const status = Number(String(c.StatusCode ?? 'HTTP_301').replace('HTTP_', ''))
      const location = `${String(c.Protocol ?? '#{protocol}').toLowerCase()}://${String(c.Host ?? '#{host}')}:${String(c.Port ?? '#{port}')}${String(c.Path ?? '/#{path}')}?${String(c.Query ?? '#{query}')}`
      return { fixedResponse: { status, contentType: 'text/html', body: '', location } }
    }
    default:
      problems.add(`${aAt}/Type`, `unknown action type ${JSON.stringify(a.Type)} (known: forward, fixed-response, redirect, authenticate-oidc, authenticate-cognito)`)
      return undefined
  }
}

function readForward(a: Json, at: string, problems: Problems): RuleAction | undefined {
  const groups = isObject(a.ForwardConfig) && Array.isArray(a.ForwardConfig.TargetGroups)
    ? a.ForwardConfig.TargetGroups.map((g) => ({ arn: (g as Json)?.TargetGroupArn, weight: Number((g as Json)?.Weight ?? 1) }))
    : [{ arn: a.TargetGroupArn, weight: 1 }]
  if (!groups.every((g) => typeof g.arn === 'string')) { problems.add(at, 'forward needs TargetGroupArn or ForwardConfig.TargetGroups[].TargetGroupArn'); return undefined }
  const live = groups.filter((g) => g.weight > 0).sort((x, y) => y.weight - x.weight)
  const names = [...new Set(live.map((g) => targetGroupName(String(g.arn))))]
  if (names.length === 0) { problems.add(at, 'every target group of this forward has weight 0'); return undefined }
  // a weighted split is `a|b`, heaviest first: mapping decides whether it splits between services
  return { target: names.join('|') }
}

/** `arn:…:targetgroup/hokusai-api/73e2d6bc24d8a067` → `hokusai-api`. */
export function targetGroupName(arn: string): string {
  const m = /:targetgroup\/([^/]+)\//.exec(arn)
  return m ? m[1]! : arn
}

// arn:…:listener-rule/app/<lb>/<lb-id>/<listener-id>/<rule-id> → arn:…:listener/app/<lb>/<lb-id>/<listener-id>
function listenerArnOfRule(ruleArn: string): string {
  return ruleArn.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '')
}

function loadBalancerName(listenerArn: string): string {
  const m = /:listener\/(?:app|net)\/([^/]+)\//.exec(listenerArn)
  return m ? m[1]! : listenerArn
}

function listenerName(listenerArn: string): string {
  const m = /:listener\/(?:app|net)\/([^/]+)\/[^/]+\/([^/]+)$/.exec(listenerArn)
  return m ? `${m[1]}/${m[2]!.slice(0, 8)}` : listenerArn
}
