import type { CatalogContext } from './catalog-context.js'
import { detailedError } from './detailed-error.js'
import { fastApiError } from './fastapi-error.js'
import { jsonResponse } from './json-response.js'
import { pythonTimestamp } from './python-time.js'
import { resolveGateway } from './resolve-gateway.js'

/** GET /v1/models/{provider}/{model} (§6); `model` may contain `/`. */
export function getModel(request: Request, ctx: CatalogContext): Response {
  const url = new URL(request.url)
  const rest = url.pathname.slice(url.pathname.indexOf('/v1/models/') + '/v1/models/'.length)
  const [provider = '', ...modelParts] = rest.split('/').map((part) => safeDecode(part))
  const model = modelParts.join('/')
  const gatewayParam = url.searchParams.getAll('gateway').at(-1)
  const id = `${provider}/${model}`
  const found = provider === 'v1' ? undefined : ctx.byId.get(id)
  const gateway = gatewayParam === undefined ? undefined : resolveGateway(gatewayParam)
  const wrongGateway = gatewayParam !== undefined && found !== undefined && gateway?.slug !== 'all' && gateway?.slug !== found.source_gateway
  if (found === undefined || wrongGateway) {
    const from = gatewayParam === undefined ? '' : ` from gateway '${gatewayParam}'`
    return detailedError(404, { type: 'model_not_found', message: `Model '${id}' not found`, detail: `Model ${id} not found${from}`, code: 'MODEL_NOT_FOUND' })
  }
  if (ctx.settings.aliasBroken && found.source_gateway === 'hug') return fastApiError(404, 'Not Found')
  return jsonResponse({ data: found, provider, model, gateway: found.source_gateway, timestamp: pythonTimestamp() })
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part // a malformed escape names no model: it falls through to 404
  }
}
