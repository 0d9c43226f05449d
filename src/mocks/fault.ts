import type { RequestHandler } from 'msw'

/**
 * What the fault matrix asserts. It runs the tests whose title or tags match `scope` (the projects the
 * incident concerns); exactly the ones matching `failing` must fail, each with a message matching
 * `message`; every other test in scope must still pass (no collateral noise).
 */
export interface FaultExpectation {
  readonly scope: RegExp
  readonly failing: RegExp
  readonly message: RegExp
}

/** One incident, reproduced in the mock by changing only what the real incident changed. */
export interface Fault {
  readonly name: string
  readonly incident: string
  readonly summary: string
  /** name of the rule set to use instead of the default one (routing.yaml `rule-sets`) */
  readonly routing?: string
  /** services with no healthy instance */
  readonly down: readonly string[]
  /** per-service setting overrides, merged over the healthy settings */
  readonly settings: Readonly<Record<string, object>>
  /** per-service handlers placed in front of the healthy ones (first match wins) */
  readonly handlers: Readonly<Record<string, readonly RequestHandler[]>>
  readonly expect: FaultExpectation
}

export interface FaultInput {
  name: string
  incident: string
  summary: string
  routing?: string
  down?: string[]
  settings?: Record<string, object>
  handlers?: Record<string, RequestHandler[]>
  expect: { scope: RegExp; failing: RegExp; message: RegExp }
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Defines a fault; a malformed definition is an error when the fault module loads, not mid-run. */
export function defineFault(input: FaultInput): Fault {
  const where = `fault "${String(input?.name)}"`
  const problems: string[] = []
  if (typeof input?.name !== 'string' || !kebab.test(input.name)) problems.push('name must be kebab-case (<where>-<what>)')
  if (typeof input?.incident !== 'string' || !kebab.test(input.incident)) problems.push('incident must be a kebab-case incident id')
  if (typeof input?.summary !== 'string' || input.summary.trim() === '') problems.push('summary must be a non-empty sentence')
  if (input?.routing !== undefined && (typeof input.routing !== 'string' || input.routing === '')) problems.push('routing must name a rule set')
  for (const key of ['scope', 'failing', 'message'] as const) {
    if (!(input?.expect?.[key] instanceof RegExp)) problems.push(`expect.${key} must be a RegExp`)
  }
  const changes = input?.routing !== undefined || (input?.down?.length ?? 0) > 0
    || Object.keys(input?.settings ?? {}).length > 0 || Object.keys(input?.handlers ?? {}).length > 0
  if (!changes) problems.push('changes nothing: set routing, down, settings or handlers')
  if (problems.length > 0) throw new Error(`contractwright: ${where} is invalid:\n  ${problems.join('\n  ')}`)
  return Object.freeze({
    name: input.name,
    incident: input.incident,
    summary: input.summary,
    ...(input.routing === undefined ? {} : { routing: input.routing }),
    down: Object.freeze([...(input.down ?? [])]),
    settings: Object.freeze({ ...(input.settings ?? {}) }),
    handlers: Object.freeze({ ...(input.handlers ?? {}) }),
    expect: Object.freeze({ scope: input.expect.scope, failing: input.expect.failing, message: input.expect.message }),
  })
}
