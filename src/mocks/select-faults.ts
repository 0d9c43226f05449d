import { ConfigError } from '../errors.js'
import type { Fault } from './fault.js'
import { nearestName } from './nearest-name.js'

/**
 * Turns `MOCK_FAULTS=a,b` into faults. Unknown names and faults that cannot be combined are one
 * error listing every problem, with the nearest known name as a suggestion.
 */
export function selectFaults(names: string, known: readonly Fault[], docs = 'mocks/FAULTS.md'): Fault[] {
  const wanted = [...new Set(names.split(',').map((name) => name.trim()).filter((name) => name !== ''))]
  const knownNames = known.map((fault) => fault.name)
  const problems: string[] = []
  const unknown: string[] = []
  const selected: Fault[] = []
  for (const name of wanted) {
    const fault = known.find((candidate) => candidate.name === name)
    if (fault !== undefined) {
      selected.push(fault)
      continue
    }
    unknown.push(name)
    const suggestion = nearestName(name, knownNames)
    problems.push(`unknown fault "${name}" in MOCK_FAULTS.${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}`)
  }
  // a load balancer runs one rule set at a time
  const routed = selected.filter((fault) => fault.routing !== undefined)
  if (routed.length > 1) {
    problems.push(`faults ${routed.map((f) => `"${f.name}"`).join(' and ')} both replace the routing rule set; use one of them at a time.`)
  }
  if (problems.length === 0) return selected
  const list = `Known faults: ${knownNames.join(', ')} (${docs})`
  const text = problems.length === 1 ? problems[0]! : `${problems.length} problems in MOCK_FAULTS:\n  ${problems.join('\n  ')}`
  throw new ConfigError(`contractwright: ${text}\n${list}`, { missing: unknown })
}
