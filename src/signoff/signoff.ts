import type { JsonReport } from './test-outcome.js'
import type { Waiver } from './waiver.js'

/** A release area and the tags (without '@') that put a test in it; `[]` means every test. */
export interface Area { name: string; tags: string[] }

// The areas a release manager asks about; `contract conformance` is the whole suite.
export const defaultAreas: readonly Area[] = [
  { name: 'routing', tags: ['routing'] },
  { name: 'auth', tags: ['auth'] },
  { name: 'serving', tags: ['serving'] },
  { name: 'registration', tags: ['registration'] },
  { name: 'catalog', tags: ['catalog'] },
  { name: 'contract conformance', tags: [] },
]

/** What the sign-off needs of one contract; built by the CLI from loadContract + generateCases. */
export interface SignoffContract {
  file: string
  title: string
  version: string
  hash: string // sha256 over every file of the contract
  operations: Array<{ id: string; method: string; path: string; statuses: string[] }>
  titles: Record<string, string> // generated test title → operationId
}

export interface SignoffInput {
  target: { name: string; baseUrls: Record<string, string> } // never keys
  commit: { sha: string; dirty: boolean } | undefined
  contracts: SignoffContract[]
  report: JsonReport
  results: string // where the report was read from
  waivers: Waiver[]
  now: Date
  areas?: readonly Area[]
}

export type Verdict = 'GO' | 'NO-GO'

export interface SignoffFailure {
  title: string
  project: string
  caseId: string | undefined
  incident: { id: string; summary: string } | undefined
  message: string
  waiver: Waiver | undefined // the valid waiver that accepts it
  expiredWaiver: Waiver | undefined // a waiver that would have, had it not expired
}

export interface AreaVerdict {
  name: string
  tags: string[]
  verdict: 'passed' | 'passed with waivers' | 'failed' | 'not run'
  passed: number
  failed: number
  skipped: number
  why: string | undefined
}

export interface OperationVerdict {
  contract: string // the contract file
  operationId: string
  method: string
  path: string
  verdict: 'passed' | 'passed with waivers' | 'failed' | 'not run'
  passed: number
  failed: number
  skipped: number
  why: string | undefined // for failed: the first incident or message; for not run: the reason
  statuses: { declared: string[]; observed: string[]; missing: string[] }
}

export interface Signoff {
  verdict: Verdict
  summary: string // one line: the verdict and the counts
  reasons: string[] // why NO-GO; empty for GO
  target: { name: string; baseUrls: Record<string, string> }
  commit: { sha: string; dirty: boolean } | undefined
  generatedAt: string
  run: { startTime: string; durationMs: number; results: string; projects: string[] }
  contracts: Array<{ file: string; title: string; version: string; hash: string }>
  totals: { tests: number; passed: number; failed: number; waived: number; skipped: number }
  areas: AreaVerdict[]
  operations: OperationVerdict[]
  coverage: { operations: { covered: number; total: number }; statuses: { covered: number; total: number } }
  failures: SignoffFailure[]
  waivers: { applied: Waiver[]; expired: Waiver[]; unused: Waiver[] }
  runErrors: string[]
}
