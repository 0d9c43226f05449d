// The pages an AWS ALB answers itself when it cannot forward (no healthy target, target error).
// Bodies follow the ALB's built-in error pages, so fingerprints see "load balancer", not a service.

function albPage(status: number, reason: string, extra: Record<string, string> = {}): Response {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`
  return new Response(body, { status, headers: { 'content-type': 'text/html', server: 'awselb/2.0', ...extra } })
}

/** No healthy target in the target group. */
export const noHealthyTarget = (): Response => albPage(503, 'Service Temporarily Unavailable')

/** The target failed while answering (reset, malformed response). */
export const targetError = (cause: string): Response =>
  albPage(502, 'Bad Gateway', { 'x-mock-error': cause.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) })
