/**
 * An MSW path that matches one exact path on ANY origin (the load balancer passes requests on
 * unchanged). `*`/path would also match `/v1/health` for `/health`, so the origin is spelled out.
 * `pathPattern` is a regular-expression fragment for the path (already escaped by the caller).
 */
export function onPath(pathPattern: string): RegExp {
  return new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+${pathPattern}/?$`, 'i')
}
