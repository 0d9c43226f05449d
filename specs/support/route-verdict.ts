import { LOAD_BALANCER } from '../../src/checks/index.js'

/**
 * What a routing probe's answer says, in the words of incidents.md #1 and #2: undefined when the
 * service the contract names answered, else "not routed" (the load balancer's own page) or
 * "misrouted to <service>" (another service's fingerprint, or none the contract knows).
 */
export function routeVerdict(expected: string, answered: string | undefined, status: number, contentType: string | undefined): string | undefined {
  if (answered === expected) return undefined
  const what = `${status} ${contentType ?? '(no content type)'}`
  if (answered === LOAD_BALANCER) return `not routed: the load balancer answered (${what}); no service saw the request`
  if (answered !== undefined) return `misrouted to ${answered}: the ${what} answer carries ${answered}'s fingerprint, contract says ${expected}`
  return `misrouted: the ${what} answer matches no fingerprint in the contract, so ${expected} did not answer it`
}

/** A page the contract shows as an example (an HTML 404, for instance) is the proof when no JSON fingerprint applies. */
export function startsLikeExample(text: string, example: unknown): boolean {
  return typeof example === 'string' && example.trim() !== '' && text.trimStart().startsWith(example.trim())
}
