import { parse } from 'yaml'
import { ConfigError } from '../errors.js'

/**
 * One accepted deviation: a failing test that may ship until `expires`. Dated on purpose: a waiver
 * that outlives its reason silences the suite, so an expired one no longer counts.
 */
export interface Waiver {
  test: string // a case id (`getModelInfo:positive:default`) or a full test title
  incident: string | undefined // when set, only a failure classified as this incident is waived
  reason: string
  owner: string
  expires: string // YYYY-MM-DD, valid through the end of that day (UTC)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Parses `signoff-waivers.yaml` (`waivers: [...]`); every problem is listed at once. */
export function parseWaivers(text: string, file: string): Waiver[] {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, { file })
  }
  if (doc === null || doc === undefined) return []
  const list = (doc as { waivers?: unknown }).waivers
  if (typeof doc !== 'object' || Array.isArray(doc) || (list !== undefined && list !== null && !Array.isArray(list))) {
    throw new ConfigError(`${file}: expected a map with a list \`waivers:\` (test, reason, owner, expires)`, { file })
  }
  const problems: string[] = []
  const waivers: Waiver[] = []
  for (const [index, raw] of ((list ?? []) as unknown[]).entries()) {
    const at = `${file}: waivers[${index}]`
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${at}: expected a map with test, reason, owner, expires`)
      continue
    }
    const w = raw as Record<string, unknown>
    const text = (key: string) => (typeof w[key] === 'string' && (w[key] as string).trim() !== '' ? (w[key] as string).trim() : undefined)
    // YAML 1.1 readers turn a bare date into a Date; accept it, store the day
    const expires = w.expires instanceof Date ? w.expires.toISOString().slice(0, 10) : text('expires')
    for (const key of ['test', 'reason', 'owner'] as const) if (!text(key)) problems.push(`${at}: \`${key}\` is required (a non-empty string)`)
    if (!expires) problems.push(`${at}: \`expires\` is required (YYYY-MM-DD): a waiver without an end silences the suite forever`)
    else if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) problems.push(`${at}: \`expires\` must be a date YYYY-MM-DD, got "${expires}"`)
    const unknown = Object.keys(w).filter((k) => !['test', 'incident', 'reason', 'owner', 'expires'].includes(k))
    if (unknown.length > 0) problems.push(`${at}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`)
    waivers.push({ test: text('test') ?? '', incident: text('incident'), reason: text('reason') ?? '', owner: text('owner') ?? '', expires: expires ?? '' })
  }
  if (problems.length > 0) throw new ConfigError(`${file} has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`, { file })
  return waivers
}

/** True once the last day of the waiver has passed, in UTC. */
export function isExpired(waiver: Waiver, now: Date): boolean {
  return now.getTime() > Date.parse(`${waiver.expires}T23:59:59.999Z`)
}

/** Whether a waiver names this failure: by case id or full title, and by incident when it names one. */
export function waiverMatches(waiver: Waiver, failure: { title: string; caseId: string | undefined; incident: { id: string } | undefined }): boolean {
  const named = waiver.test === failure.caseId || waiver.test === failure.title
  return named && (waiver.incident === undefined || waiver.incident === failure.incident?.id)
}
