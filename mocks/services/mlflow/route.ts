import type { Params } from './params.js'

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteInput {
  params: Params
  request: Request
  url: URL
  /** `:name` segments of the route path, decoded. */
  pathParams: Record<string, string>
}

/**
 * One MLflow endpoint. `path` is relative to its API prefix (`/experiments/create`), may hold `:name`
 * segments, and `rawBody` routes (artifact upload and download) read the request themselves.
 */
export interface MlflowRoute {
  methods: readonly RouteMethod[]
  path: string
  rawBody?: boolean
  /** A Response is sent as it is; anything else is the 200 JSON body. Throw MlflowError for errors. */
  answer(input: RouteInput): unknown | Promise<unknown>
}

/** Identity: lets route literals be type-checked where they are written. */
export function defineRoute(route: MlflowRoute): MlflowRoute {
  return route
}
