// A templated path becomes concrete request paths to resolve. A parameter is replaced by one
// segment; a parameter named like `path` (the catch-all of proxies: `/{path:path}`) may hold
// slashes, so it also gets a two-segment probe, since `*` vs `?` patterns can treat them differently.

const SAMPLE = 'x1'
const SAMPLE_WITH_SLASH = 'x1/x2'

/** Concrete probe paths for an OpenAPI path template, without duplicates. */
export function probePaths(template: string): string[] {
  const single = template.replace(/\{[^}]+\}/g, SAMPLE)
  const multi = template.replace(/\{([^}]+)\}/g, (_, name: string) => (/path/i.test(name) ? SAMPLE_WITH_SLASH : SAMPLE))
  return single === multi ? [single] : [single, multi]
}
