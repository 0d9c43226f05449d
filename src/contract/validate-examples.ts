import type { SchemaRegistry } from './compile-schemas.js'
import type { Contract, MediaSpec, Operation } from './contract.js'
import { displayLocation, type Location } from './documents.js'

export interface ExampleProblem {
  operationId: string
  where: string // file#pointer of the schema the example was checked against
  example: string
  message: string
}

/**
 * Every example must conform to its schema, so the positive cases are honest. A request example paired
 * with a 4xx response is a deliberate bad input (it exists to get that 4xx) and is exempt.
 */
export function validateExamples(contract: Contract, schemas: SchemaRegistry): ExampleProblem[] {
  const problems: ExampleProblem[] = []
  const check = (op: Operation, at: Location | undefined, example: string, value: unknown, label: string) => {
    if (!at) return
    for (const e of schemas.validate(at, value)) {
      problems.push({ operationId: op.id, where: displayLocation(at), example: `${label} "${example}"`, message: `${e.instancePath || '/'} ${e.message ?? e.keyword}` })
    }
  }
  for (const op of contract.operations) {
    const negative = negativeExampleNames(op)
    for (const p of op.parameters) {
      for (const [name, value] of Object.entries(p.examples)) if (!negative.has(name)) check(op, p.schema, name, value, `${p.in} parameter ${p.name} example`)
    }
    for (const media of op.requestBody?.content ?? []) {
      if (!/[/+]json$/.test(media.mediaType)) continue
      for (const [name, value] of Object.entries(media.examples)) if (!negative.has(name)) check(op, media.schema, name, value, 'request example')
    }
    for (const r of op.responses) for (const media of r.content) checkResponse(op, r.status, media, check)
  }
  return problems
}

function checkResponse(op: Operation, status: string, media: MediaSpec, check: (op: Operation, at: Location | undefined, n: string, v: unknown, l: string) => void): void {
  const json = /[/+]json$/.test(media.mediaType)
  for (const [name, value] of Object.entries(media.examples)) check(op, media.schema, name, json ? value : String(value), `${status} response example`)
}

/** Example names paired with a 4xx response: their request parts are meant to be invalid. */
function negativeExampleNames(op: Operation): Set<string> {
  const names = new Set<string>()
  for (const r of op.responses) {
    if (!/^4/.test(r.status)) continue
    for (const media of r.content) for (const name of Object.keys(media.examples)) if (name !== 'default') names.add(name)
  }
  return names
}
