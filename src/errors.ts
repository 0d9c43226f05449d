/** A usage error in a contract file: names the file and the JSON pointer. */
export class ContractError extends Error {
  readonly file: string
  readonly pointer: string | undefined
  readonly problem: string
  constructor(file: string, pointer: string | undefined, problem: string) {
    super(`contractwright: ${file}${pointer === undefined ? '' : `#${pointer}`}: ${problem}`)
    this.name = 'ContractError'
    this.file = file
    this.pointer = pointer
    this.problem = problem
  }
}

/** A configuration error (variables, options, env files): lists every problem at once. */
export class ConfigError extends Error {
  readonly missing: string[]
  readonly file: string | undefined
  constructor(message: string, fields: { missing?: string[]; file?: string } = {}) {
    super(message.startsWith('contractwright:') ? message : `contractwright: ${message}`)
    this.name = 'ConfigError'
    this.missing = fields.missing ?? []
    this.file = fields.file
  }
}
