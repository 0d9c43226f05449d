import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseRoutingFile, type FixedResponse } from '../routing/rule-set.js'

/** The load balancer's own pages, from the `routing.yaml` beside a contract (any rule set): its fingerprint. */
export function loadFixedResponses(contractFile: string): FixedResponse[] {
  const file = join(dirname(contractFile), 'routing.yaml')
  if (!existsSync(file)) return []
  const routing = parseRoutingFile(readFileSync(file, 'utf8'), file)
  const found = Object.values(routing.ruleSets).flatMap((rs) => rs.listeners.flatMap((l) => (l.default.fixedResponse ? [l.default.fixedResponse] : [])))
  return found.filter((f, i) => found.findIndex((g) => g.status === f.status && g.body === f.body && g.contentType === f.contentType) === i)
}
