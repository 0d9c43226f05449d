import type { RequiredModel } from './config.js'
import { listingFailure } from './findings.js'
import { describeBody } from './page.js'
import { pagesOf, totalOf, type GatewayWalk } from './walk.js'

/** Incident #8: a registered model absent from every page of its gateway. */
export function requiredFindings(walk: GatewayWalk, required: RequiredModel, aliases: ReadonlySet<string>): string[] {
  const first = walk.chain[0]?.answer
  if (first && !first.page) return [`${listingFailure(walk.gateway, first, aliases)}; cannot look for required model ${required.model}`]
  const ids = pagesOf(walk).flat()
  if (ids.includes(required.model)) return []
  const missing = `required model missing from gateway ${required.gateway}: ${required.model}`
  // An incomplete walk cannot tell "absent" from "beyond the reachable pages": say which one we saw.
  const total = totalOf(walk) ?? 0
  const unique = new Set(ids).size
  const near = ids.find((id) => id.toLowerCase() === required.model.toLowerCase())
  const why = [
    unique < total ? `pagination incomplete: reached ${unique} of ${total}, it may sit beyond the reachable pages` : `absent from all ${unique} models`,
    ...(near ? [`listed as "${near}" (different case)`] : []),
  ]
  return [`${missing} (${why.join('; ')})`]
}

/** What a chat call to a required model says about it; [] for a 200. */
export function chatFindings(required: RequiredModel, status: number, json: unknown, text: string): string[] {
  if (status === 200) return []
  const body = describeBody(json, text)
  const call = `chat on ${required.model} (gateway ${required.gateway}) → ${status} ${body}`
  const missing = `required model missing from gateway ${required.gateway}: ${required.model}`
  // Two generations answer an unknown model differently; say which one answered.
  if (status === 400 && body === 'model_not_priced') return [`${missing} (${call}: head's pricing gate, which runs before the model lookup, knows no price for it: not in the catalog, or unpriced)`]
  if (status === 404 && body === 'MODEL_NOT_FOUND') return [`${missing} (${call}: the model lookup of a deployment before the pricing gate did not find it)`]
  // The router's own 404 means no model lookup ran: the incident #6 signature after the hug rename deploy.
  if (status === 404 && body === '{"detail":"Not Found"}') return [`alias broken: ${call}, the route is not loaded (the router answered, not the model lookup; an older deployment answers an unknown model so too)`]
  if (status === 401 || status === 403) return [`${call}: GATEWAYZ_API_KEY was refused; check the key, the suite cannot judge the model`]
  return [call]
}
