import { randomBytes } from 'node:crypto'

/** `cw-<timestamp>-<random>` names, so parallel pipelines against one environment never collide. */
export function uniqueNamer(prefix = `cw-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`): { prefix: string; next(): string } {
  let counter = 0
  return { prefix, next: () => `${prefix}-${++counter}` }
}
