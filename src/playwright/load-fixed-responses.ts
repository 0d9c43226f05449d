import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseRoutingFile, type FixedResponse } from '../routing/rule-set.js'
import { deployedPages } from './deployed-routing.js'

/**
 * The load balancer's own pages: its fingerprint. From the `routing.yaml` beside a contract (any rule
 * set) and the deployed rules of CONTRACT_ROUTING_RULES, which global setup read.
 */
export function loadFixedResponses(contractFile: string, env: NodeJS.ProcessEnv = process.env): FixedResponse[] {
  const file = join(dirname(contractFile), 'routing.yaml')
  const beside = existsSync(file) ? Object.values(parseRoutingFile(readFileSync(file, 'utf8'), file).ruleSets) : []
  const found = [
    ...beside.flatMap((rs) => rs.listeners.flatMap((l) => [l.default, ...l.rules].flatMap((a) => (a.fixedResponse ? [a.fixedResponse] : [])))),
    ...deployedPages(env),
  ]
  return found.filter((f, i) => found.findIndex((g) => g.status === f.status && g.body === f.body && g.contentType === f.contentType) === i)
}
