// AWS ALB condition matching (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html):
// `*` matches 0 or more characters (including `/`), `?` exactly one. Path patterns are
// case-sensitive and see the path only (never the query string); host headers are case-insensitive.

/** Does an ALB path pattern match a request path? The query string and fragment are ignored. */
export function matchPathPattern(pattern: string, path: string): boolean {
  return globToRegExp(pattern, false).test(stripQuery(path))
}

/** Does an ALB host-header pattern match a Host header? Case-insensitive; a `:port` suffix is ignored. */
export function matchHostPattern(pattern: string, host: string): boolean {
  return globToRegExp(pattern, true).test(stripPort(host))
}

// Compiled once per pattern: the mock load balancer resolves a route for every request it answers.
const compiled = new Map<string, RegExp>()

function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`
  let regExp = compiled.get(key)
  if (regExp === undefined) {
    regExp = compileGlob(pattern, caseInsensitive)
    compiled.set(key, regExp)
  }
  return regExp
}

function compileGlob(pattern: string, caseInsensitive: boolean): RegExp {
  let source = ''
  for (const char of pattern) {
    if (char === '*') source += '[\\s\\S]*'
    else if (char === '?') source += '[\\s\\S]'
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '')
}

function stripQuery(path: string): string {
  const cut = path.search(/[?#]/)
  return cut === -1 ? path : path.slice(0, cut)
}

function stripPort(host: string): string {
  return host.replace(/:\d+$/, '')
}
