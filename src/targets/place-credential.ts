import type { SecuritySchemeSpec } from '../contract/contract.js'

/**
 * Puts a credential where its security scheme says: a bearer or Basic Authorization header (Basic
 * takes `user:password`), an API key in a header, query parameter or cookie; OAuth 2 and OpenID
 * Connect take a ready token as a bearer token. Returns false for a scheme it cannot fill.
 */
export function placeCredential(scheme: SecuritySchemeSpec, key: string, headers: Record<string, string>, url: URL): boolean {
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    headers.authorization = `Basic ${Buffer.from(key).toString('base64')}`
  } else if ((scheme.type === 'http' && scheme.scheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    headers.authorization = `Bearer ${key}`
  } else if (scheme.type === 'apiKey' && scheme.parameterName) {
    if (scheme.in === 'header') headers[scheme.parameterName.toLowerCase()] = key
    else if (scheme.in === 'query') url.searchParams.set(scheme.parameterName, key)
    else if (scheme.in === 'cookie') headers.cookie = [headers.cookie, `${scheme.parameterName}=${encodeURIComponent(key)}`].filter(Boolean).join('; ')
    else return false
  } else {
    return false
  }
  return true
}
