import { ContractError } from '../errors.js'

/** A routing.yaml that cannot be used. `problems` lists every problem found, each naming its place. */
export class RoutingError extends ContractError {
  readonly problems: string[]

  constructor(file: string, problems: string[]) {
    const text = problems.length === 1 ? problems[0]! : `${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}`
    super(file, undefined, text)
    this.name = 'RoutingError'
    this.problems = problems
  }
}
