import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'
import { findShadowing } from '../routing/find-shadowing.js'
import { toRoutedOperations } from '../routing/routed-operation.js'
import { loadRoutingFile, pickRuleSet } from '../routing/rule-set.js'
import { contractFiles } from './contract-files.js'

export const ROUTING_USAGE = `contractwright routing [--contract <openapi.yaml>]... [--rule-set <name>]

Static load-balancer check: resolves every operation of each contract on every host it is served on,
with the routing.yaml beside the contract, and lists not-routed, misrouted, shadowed and unserved
operations. Exit code: 0 clean, 1 findings, 2 usage error.

  --contract <file>    contract to check (repeatable; default contracts/*/openapi.yaml)
  --rule-set <name>    rule set to check (default: the file's \`default\`)`

/** `contractwright routing`: findShadowing over each contract's routing.yaml; returns the exit code. */
export async function routingCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { contract: { type: 'string', multiple: true }, 'rule-set': { type: 'string' } } })
  let findings = 0
  let checked = 0
  for (const file of contractFiles(values.contract)) {
    const routingFile = join(dirname(file), 'routing.yaml')
    if (!existsSync(routingFile)) {
      console.log(`${file}: no routing.yaml beside it, skipped`)
      continue
    }
    const routing = await loadRoutingFile(routingFile)
    const ruleSet = pickRuleSet(routing, values['rule-set'])
    const contract = loadContract(file)
    const found = findShadowing(ruleSet, toRoutedOperations(contract.operations))
    checked++
    findings += found.length
    const name = values['rule-set'] ?? routing.defaultName
    console.log(`${routingFile} (rule set "${name}"): ${contract.operations.length} operations, ${found.length === 0 ? 'every one routed to its service' : `${found.length} finding${found.length > 1 ? 's' : ''}`}`)
    for (const f of found) console.log(`  ${f.kind.padEnd(10)} ${f.message}`)
  }
  if (checked === 0) throw new ConfigError('no contract has a routing.yaml beside it: nothing to check')
  return findings === 0 ? 0 : 1
}
