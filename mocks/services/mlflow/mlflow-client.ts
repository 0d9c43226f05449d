import type { MockService } from '../../../src/mocks/service.js'

export interface MlflowAnswer {
  status: number
  contentType: string
  bytes: Uint8Array
  text: string
  json: any // tests read arbitrary response fields; typing every MLflow shape here would add nothing
}

/** A tiny caller for the unit tests: REST paths are relative to `/api/2.0/mlflow`, JSON bodies typed right. */
export function mlflowClient(service: MockService, origin = 'http://mlflow.test') {
  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<MlflowAnswer> {
    const init: RequestInit = { method, headers: { ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body)
      if (!('Content-Type' in headers) && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
      }
    }
    const response = await service.handle(new Request(origin + path, init))
    const bytes = new Uint8Array(await response.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    const contentType = response.headers.get('content-type') ?? ''
    return { status: response.status, contentType, bytes, text, json: contentType.startsWith('application/json') && text ? JSON.parse(text) : undefined }
  }
  const rest = (path: string): string => `/api/2.0/mlflow${path}`
  return {
    send,
    get: (path: string, query: Record<string, string> = {}) => send('GET', `${rest(path)}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`),
    post: (path: string, body: unknown = {}) => send('POST', rest(path), body),
    patch: (path: string, body: unknown = {}) => send('PATCH', rest(path), body),
    delete: (path: string, body: unknown = {}) => send('DELETE', rest(path), body),
  }
}
