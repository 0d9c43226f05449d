import type { Operation } from '../contract/contract.js'

/** `<service> › <METHOD> <path> › <what>`: stable, so waivers, JUnit and sign-off can name a case. */
export function caseTitle(op: Pick<Operation, 'service' | 'method' | 'path'>, what: string): string {
  return `${op.service} › ${op.method} ${op.path} › ${what}`
}

/**
 * Playwright tags: `@generated` (so `--grep-invert @generated` runs only hand-written scenarios), the
 * operation's tags, and whether it may run against a read-only target.
 */
export function opTags(op: Operation): string[] {
  return ['@generated', ...op.tags.map((t) => `@${t.replace(/[^\w-]+/g, '-')}`), op.safe ? '@readonly' : '@mutating']
}
