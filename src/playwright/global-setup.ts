import { randomInt } from 'node:crypto'
import type { FullConfig } from '@playwright/test'
import { ConfigError } from '../errors.js'
import { unreachableHosts, unsetCredentialVariables } from '../targets/preflight.js'
import { resolveTarget, targetName, DEFAULT_TARGET } from '../targets/resolve-target.js'
import { contractFor } from './contract-runtime.js'
import { publishDeployedPages, loadRoutingFromEnv } from './deployed-routing.js'
import { startGeneratedMockTarget } from './generated-mock-target.js'
import type { Target } from '../targets/target.js'

/**
 * One clear error before any test runs, instead of the same failure in every test: the target's
 * variables, then whether each host answers at all. Unset credentials are one line: the secured
 * operations they would open are skipped, each naming its variable. The built-in mock is checked
 * by its workers instead: its key file is written after the server starts. Plain documents with no
 * mock of their own get the generated one (the returned teardown stops it).
 */
export default async function globalSetup(config: FullConfig): Promise<void | (() => Promise<void>)> {
  // one seed for the whole run, inherited by every worker, printed by every generated failure
  process.env.CONTRACT_SEED ??= String(randomInt(2 ** 31))
  const files = [...new Set(config.projects.flatMap((p) => (p.use as { contracts?: string[] }).contracts ?? []))]
  try {
    if (targetName(process.env) === DEFAULT_TARGET) {
      await readDeployedRules(files)
      return await startGeneratedMockTarget(config, files)
    }
    const contracts = files.map(contractFor)
    const target = resolveTarget(contracts, process.env)
    await readDeployedRules(files, target)
    const unset = unsetCredentialVariables(contracts, target)
    if (unset.length > 0) console.log(`contractwright: ${unset.length} credential${unset.length > 1 ? 's' : ''} not set, secured operations that need ${unset.length > 1 ? 'them' : 'it'} are skipped: ${unset.join(', ')}`)
    const unreachable = await unreachableHosts(target)
    if (unreachable.length > 0) throw new ConfigError(unreachable.join('\n'))
  } catch (error) {
    if (error instanceof Error && /^contractwright: /.test(error.message)) error.stack = error.message // the message says it all; no stack trace
    throw error
  }
}

// CONTRACT_ROUTING_RULES: a bad file is one error before any test; its fixed pages go to the workers
async function readDeployedRules(files: readonly string[], target?: Target): Promise<void> {
  const ruleSets = []
  for (const file of files) {
    const routing = await loadRoutingFromEnv(contractFor(file), file, process.env, target)
    if (routing) ruleSets.push(routing.ruleSet)
  }
  if (ruleSets.length > 0) publishDeployedPages(ruleSets, process.env)
}
