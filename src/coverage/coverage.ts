import type { Contract } from '../contract/contract.js'
import { matchesStatus } from '../checks/status-expected.js'

/** What one finished test says about coverage; read from its annotations. */
export interface CoverageObservation {
  operations: string[] // `${file}#${operationId}` the test was generated for (present even when skipped)
  exchanges: Array<{ contract: string; operationId: string | undefined; status: number }>
  heldBack: boolean // skipped by the read-only policy
  untestable: boolean
}

export interface OperationCoverage {
  operationId: string
  method: string
  path: string
  state: 'exercised' | 'not exercised' | 'not run: read-only target' | 'untestable' | 'not in this run'
  declared: string[]
  seen: number[]
  neverSeen: string[] // declared statuses no exchange produced: listed, never failed
}

export interface ContractCoverage {
  contract: string
  title: string
  operations: OperationCoverage[]
  selected: number // operations this run had tests for, minus those held back by policy
  exercised: number
  ratio: number // exercised / selected (1 when nothing was selected)
}

/** Folds per-test observations into coverage of every operation × declared status. Pure. */
export function computeCoverage(file: string, contract: Contract, observations: readonly CoverageObservation[]): ContractCoverage {
  const selected = new Set<string>()
  const held = new Map<string, boolean>() // true while every selected test of the operation was held back
  const untestable = new Set<string>()
  const seen = new Map<string, Set<number>>()
  for (const o of observations) {
    for (const key of o.operations) {
      if (!key.startsWith(`${file}#`)) continue
      const id = key.slice(file.length + 1)
      selected.add(id)
      held.set(id, (held.get(id) ?? true) && o.heldBack)
      if (o.untestable) untestable.add(id)
    }
    for (const x of o.exchanges) {
      if (x.contract !== file || x.operationId === undefined) continue
      selected.add(x.operationId)
      held.set(x.operationId, false)
      seen.set(x.operationId, (seen.get(x.operationId) ?? new Set()).add(x.status))
    }
  }
  const operations = contract.operations.map((op): OperationCoverage => {
    const statuses = [...(seen.get(op.id) ?? [])].sort()
    const declared = op.responses.map((r) => r.status)
    const state = statuses.length > 0 ? 'exercised' : !selected.has(op.id) ? 'not in this run'
      : untestable.has(op.id) ? 'untestable' : held.get(op.id) ? 'not run: read-only target' : 'not exercised'
    return {
      operationId: op.id, method: op.method, path: op.path, state, declared, seen: statuses,
      neverSeen: declared.filter((d) => !statuses.some((s) => matchesStatus(d, s))),
    }
  })
  const counted = operations.filter((o) => o.state !== 'not in this run' && o.state !== 'not run: read-only target')
  const exercised = counted.filter((o) => o.state === 'exercised').length
  return { contract: file, title: contract.title, operations, selected: counted.length, exercised, ratio: counted.length === 0 ? 1 : exercised / counted.length }
}
