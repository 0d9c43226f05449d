import fc from 'fast-check'
import type { Schema } from './schema-node.js'

const DEFAULT_MAX_LENGTH = 24 // long enough to reach limits that matter, short enough to stay fast

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  date: () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  time: () => fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(86_399_000) }).map((d) => `${d.toISOString().slice(11, 19)}Z`),
  email: () => fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.domain()).map(([user, domain]) => `${user}@${domain}`),
  uuid: () => fc.uuid(),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  'uri-reference': () => fc.webUrl(),
  hostname: () => fc.domain(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  byte: () => fc.base64String({ maxLength: 32 }),
  int32: () => fc.integer().map(String),
}

/** Strings for a schema: its format, else its pattern, else its lengths (the base64 `contentEncoding` too). */
export function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined
  if (format) return format()
  if (schema.contentEncoding === 'base64') return fc.base64String({ maxLength: 32 })
  const minLength = numberOr(schema.minLength, 0)
  const maxLength = numberOr(schema.maxLength, Math.max(minLength, DEFAULT_MAX_LENGTH))
  if (typeof schema.pattern === 'string') {
    const pattern = compilePattern(schema.pattern)
    if (pattern) return fc.stringMatching(pattern).filter((s) => [...s].length >= minLength && [...s].length <= maxLength)
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' })
}

function compilePattern(source: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(source, flags)
    } catch {
      // try without the unicode flag, then give up on the pattern (the validity filter still applies)
    }
  }
  return undefined
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
