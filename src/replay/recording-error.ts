import { ContractError } from '../errors.js'

/** A recording that cannot be replayed: one line naming the file and the JSON pointer of the bad field. */
export class RecordingError extends ContractError {
  constructor(file: string, at: string | undefined, problem: string) {
    super(file, at, problem)
    this.name = 'RecordingError'
  }
}
