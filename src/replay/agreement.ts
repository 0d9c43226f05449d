import type { ExchangeOutcome } from './replay.js'

export interface Agreement {
  agreed: number
  total: number
  /** Percent, 100 for no exchanges. */
  percent: number
  /** Exchanges not judged (see ExchangeOutcome.skipped); not in `total`. */
  skipped: number
}

export interface AgreementReport {
  overall: Agreement
  /** Per endpoint kind, lowest agreement first. */
  byKind: Array<{ kind: string } & Agreement>
}

/** Share of exchanges without any difference, overall and per endpoint kind. */
export function agreementOf(outcomes: readonly ExchangeOutcome[]): AgreementReport {
  const kinds = new Map<string, ExchangeOutcome[]>()
  for (const o of outcomes) {
    const list = kinds.get(o.kind)
    if (list) list.push(o)
    else kinds.set(o.kind, [o])
  }
  const byKind = [...kinds].map(([kind, list]) => ({ kind, ...count(list) }))
  byKind.sort((a, b) => a.percent - b.percent || a.kind.localeCompare(b.kind))
  return { overall: count(outcomes), byKind }
}

function count(all: readonly ExchangeOutcome[]): Agreement {
  const list = all.filter((o) => o.skipped === undefined)
  const agreed = list.filter((o) => o.differences.length === 0).length
  return { agreed, total: list.length, percent: list.length === 0 ? 100 : (100 * agreed) / list.length, skipped: all.length - list.length }
}
