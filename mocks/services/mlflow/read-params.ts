import { MlflowError } from './mlflow-error.js'
import { Params } from './params.js'
import { ServerCrash } from './responses.js'

/** Query parameters; a repeated key (`stages=A&stages=B`) becomes a list. */
function fromQuery(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key)
    out[key] = all.length > 1 ? all : all[0]
  }
  return out
}

function parseJson(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
    // older clients double-encode the body as a JSON string; MLflow decodes it once more
    if (typeof parsed === 'string') parsed = JSON.parse(parsed)
  } catch {
    return {} // malformed JSON is treated as {} (mlflow-rest.md §2, #87)
  }
  if (parsed === null) return {}
  // well-formed JSON that is not an object (`[{…}]`, `3`) reaches the proto parser, which raises outside
  // MLflow's error handling: Flask's HTML 500 page (seeded sequences, "json-array body")
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ServerCrash('request body is JSON but not an object')
  return parsed as Record<string, unknown>
}

/**
 * The request's fields, as MLflow's `_get_request_message` reads them: GET with a query string from the
 * query; everything else from a JSON body, where POST and PUT must say `Content-Type: application/json`.
 */
export async function readParams(request: Request): Promise<Params> {
  const url = new URL(request.url)
  if (request.method === 'GET' && url.search.length > 1) return new Params(fromQuery(url), true)
  if (request.method === 'POST' || request.method === 'PUT') {
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (mediaType !== 'application/json') {
      throw MlflowError.invalid("Bad Request. Content-Type must be one of ['application/json'].")
    }
  }
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  return new Params(text ? parseJson(text) : {})
}
