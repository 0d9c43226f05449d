// Kubernetes networking.k8s.io/v1 Ingress (https://kubernetes.io/docs/concepts/services-networking/ingress/).
// Rules get priorities in the order the AWS Load Balancer Controller (v2.4.3+) creates them: by the
// Ingress's alb.ingress.kubernetes.io/group.order, then Exact paths, then Prefix paths longest first,
// then ImplementationSpecific paths (ALB patterns as written) in the order they are listed.
// https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/spec
import type { Rule, RuleAction } from '../rule-set.js'
import { isObject, Problems, type ImportedRules, type Json } from './imported-rules.js'

// aws-load-balancer-controller answers unmatched requests with a fixed 404 when no default backend is set
const NO_DEFAULT_BACKEND: RuleAction = { fixedResponse: { status: 404, contentType: 'text/plain', body: '' } }

export function looksLikeIngress(doc: unknown): boolean {
  return isObject(doc) && doc.kind === 'Ingress'
}

interface IngressPath { name: string; order: number; listed: number; host?: string; path: string; pathType: string; target: string }

/** Every Ingress document of the input (others, such as a Service, are ignored) → one listener. */
export function importIngress(docs: readonly unknown[], file: string): { rules: ImportedRules; problems: string[] } {
  const problems = new Problems()
  const paths: IngressPath[] = []
  const warnings: string[] = []
  let fallback: RuleAction | undefined
  for (const [d, doc] of docs.entries()) {
    if (!looksLikeIngress(doc)) continue
    const ing = doc as Json
    const at = `/${d}`
    if (ing.apiVersion !== 'networking.k8s.io/v1') problems.add(`${at}/apiVersion`, `"${String(ing.apiVersion)}" is not networking.k8s.io/v1 (the only Ingress version read)`)
    const name = String((ing.metadata as Json | undefined)?.name ?? `#${d + 1}`)
    const spec = isObject(ing.spec) ? ing.spec : {}
    const annotations = ((ing.metadata as Json | undefined)?.annotations ?? {}) as Json
    const order = Number(annotations['alb.ingress.kubernetes.io/group.order'] ?? 0)
    if (spec.defaultBackend !== undefined) {
      const target = backendName(spec.defaultBackend, `${at}/spec/defaultBackend`, problems)
      if (target && fallback && fallback.target !== target) warnings.push(`${file}: several default backends; ${fallback.target} (the first) is used`)
      if (target) fallback ??= { target }
    }
    for (const [r, rule] of (Array.isArray(spec.rules) ? spec.rules : []).entries()) {
      const rAt = `${at}/spec/rules/${r}`
      if (!isObject(rule)) { problems.add(rAt, 'a rule must be an object'); continue }
      const host = typeof rule.host === 'string' ? rule.host : undefined
      const http = isObject(rule.http) ? rule.http : undefined
      if (!http || !Array.isArray(http.paths)) { problems.add(`${rAt}/http/paths`, 'is required'); continue }
      for (const [p, entry] of http.paths.entries()) {
        const pAt = `${rAt}/http/paths/${p}`
        const e = isObject(entry) ? entry : {}
        const pathType = e.pathType
        if (pathType !== 'Prefix' && pathType !== 'Exact' && pathType !== 'ImplementationSpecific') {
          problems.add(`${pAt}/pathType`, `${JSON.stringify(pathType)} is not Prefix, Exact or ImplementationSpecific`)
          continue
        }
        const path = typeof e.path === 'string' ? e.path : pathType === 'ImplementationSpecific' ? '/*' : undefined
        if (!path?.startsWith('/')) { problems.add(`${pAt}/path`, 'needs an absolute path'); continue }
        const target = backendName(e.backend, `${pAt}/backend`, problems)
        if (target) paths.push({ name: `ingress/${name}`, order, listed: paths.length, ...(host ? { host } : {}), path, pathType, target })
      }
    }
  }
  const rules: Rule[] = paths.sort(precedence).map((p, i) => ({
    priority: i + 1,
    name: `${p.name} ${p.pathType} ${p.path}`,
    ...(p.host ? { hosts: [p.host] } : {}),
    paths: albPatterns(p),
    target: p.target,
  }))
  if (paths.length === 0 && !fallback && problems.list.length === 0) problems.add('', 'no Ingress with rules or a default backend in this file')
  const listener = { name: 'ingress', hosts: ['*'], rules, default: fallback ?? NO_DEFAULT_BACKEND }
  return { rules: { format: 'ingress', source: file, listeners: [listener], warnings }, problems: problems.list }
}

// Prefix matches whole path elements (/foo matches /foo and /foo/bar, not /foobar); a trailing slash is ignored.
// ImplementationSpecific is read as the ALB controller does: the path is an ALB pattern as written.
function albPatterns(p: IngressPath): string[] {
  if (p.pathType === 'Exact' || p.pathType === 'ImplementationSpecific') return [p.path]
  const base = p.path.replace(/\/+$/, '')
  return base === '' ? ['/*'] : [base, `${base}/*`]
}

const TYPE_RANK: Record<string, number> = { Exact: 0, Prefix: 1, ImplementationSpecific: 2 }

function precedence(a: IngressPath, b: IngressPath): number {
  const byLength = a.pathType === 'Prefix' && b.pathType === 'Prefix' ? b.path.length - a.path.length : 0
  return a.order - b.order || TYPE_RANK[a.pathType]! - TYPE_RANK[b.pathType]! || byLength || a.listed - b.listed
}

function backendName(raw: unknown, at: string, problems: Problems): string | undefined {
  if (isObject(raw) && isObject(raw.service) && typeof raw.service.name === 'string') return raw.service.name
  if (isObject(raw) && isObject(raw.resource) && typeof raw.resource.name === 'string') return `${String(raw.resource.kind)}/${raw.resource.name}`
  problems.add(at, 'needs service.name (or resource.kind and resource.name)')
  return undefined
}
