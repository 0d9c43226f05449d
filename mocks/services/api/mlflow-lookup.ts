import type { ApiContext } from './api-context.js'
import { callService } from './call-service.js'

export type Lookup = { kind: 'found'; body: Record<string, unknown> } | { kind: 'missing' } | { kind: 'error' }

/** A GET on the MLflow REST API the way the models router's MLflow client makes it (no proxy, no key). */
export async function mlflowGet(ctx: ApiContext, rpc: string, query: Record<string, string>): Promise<Lookup> {
  const url = `${ctx.settings.mlflowBaseUrl}/api/2.0/mlflow/${rpc}?${new URLSearchParams(query).toString()}`
  const result = await callService(ctx.mlflow, new Request(url), ctx.settings.mlflowTimeoutMs)
  if (result.kind !== 'response') return { kind: 'error' }
  if (result.response.status === 404) return { kind: 'missing' }
  if (!result.response.ok) return { kind: 'error' }
  try {
    const body: unknown = await result.response.json()
    return typeof body === 'object' && body !== null ? { kind: 'found', body: body as Record<string, unknown> } : { kind: 'error' }
  } catch {
    return { kind: 'error' }
  }
}
