import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import type { FixedResponse } from '../checks/identify-service.js'

/** The load balancer's own pages, from the `routing.yaml` beside a contract (any rule set): its fingerprint. */
export function loadFixedResponses(contractFile: string): FixedResponse[] {
  const file = join(dirname(contractFile), 'routing.yaml')
  if (!existsSync(file)) return []
  const found: FixedResponse[] = []
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'fixed-response' && value && typeof value === 'object') {
        const v = value as Record<string, unknown>
        found.push({ status: Number(v.status ?? 404), contentType: String(v['content-type'] ?? 'text/plain'), body: String(v.body ?? '') })
      } else walk(value)
    }
  }
  walk(parse(readFileSync(file, 'utf8')))
  return found.filter((f, i) => found.findIndex((g) => g.status === f.status && g.body === f.body && g.contentType === f.contentType) === i)
}
