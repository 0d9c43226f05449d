#!/usr/bin/env node
// The `contractwright` bin (dist/cli/main.js when packed; `tsx src/cli/main.ts` in this repository).
import { ContractError, ConfigError } from '../errors.js'
import { RoutingError } from '../routing/routing-error.js'
import { INIT_USAGE, initCommand } from './init-command.js'
import { MOCK_USAGE, mockCommand } from './mock-command.js'
import { REPLAY_USAGE, replayCommand } from './replay-command.js'
import { ROUTING_USAGE, routingCommand } from './routing-command.js'
import { SIGNOFF_USAGE, signoffCommand } from './signoff-command.js'

const USAGE = `contractwright <command> [options]

Commands:
  init      set up a Playwright project that tests every operation of an OpenAPI document
  mock      serve a mock generated from an OpenAPI document
  signoff   run the suite against a target (or read its results) and write a GO / NO-GO sign-off
  routing   check the load-balancer rules in routing.yaml against the contract
  replay    replay recorded traffic (transcript JSON or HAR) against a target and report agreement

Run \`contractwright <command> --help\` for a command's options.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const help = rest.includes('--help') || rest.includes('-h')
  switch (command) {
    case 'init':
      if (help) return print(INIT_USAGE)
      return initCommand(rest)
    case 'mock':
      if (help) return print(MOCK_USAGE)
      return mockCommand(rest)
    case 'signoff':
      if (help) return print(SIGNOFF_USAGE)
      return signoffCommand(rest, process.env)
    case 'routing':
      if (help) return print(ROUTING_USAGE)
      return routingCommand(rest)
    case 'replay':
      if (help) return print(REPLAY_USAGE)
      return replayCommand(rest)
    case undefined: case '--help': case '-h': case 'help':
      return print(USAGE)
    default:
      console.error(`contractwright: unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

function print(text: string): number {
  console.log(text)
  return 0
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code }, (error: unknown) => {
  // usage errors are one clear message (parseArgs throws TypeErrors with a code); anything else keeps its stack
  const usage = error instanceof ConfigError || error instanceof ContractError || error instanceof RoutingError
    || (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))
  console.error(usage ? `contractwright: ${(error as Error).message.replace(/^contractwright: /, '')}` : error)
  process.exitCode = 2
})
