import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Contract } from '../contract/contract.js'
import { loadContract } from '../contract/load-contract.js'
import { ConfigError } from '../errors.js'
import { checkCodeRoutes, type CodeRoutesReport } from '../routing/code-routes.js'
import { compareRuleSets, type Drift } from '../routing/compare-rule-sets.js'
import { loadDeployedRouting } from '../routing/deployed-rule-set.js'
import { findShadowing, type RoutedOperation, type RoutingFinding } from '../routing/find-shadowing.js'
import { groupFindings } from '../routing/group-findings.js'
import { onHosts, toRoutedOperations } from '../routing/routed-operation.js'
import { loadRoutingFile, pickRuleSet, type RuleSet } from '../routing/rule-set.js'
import { contractFiles } from './contract-files.js'

export const ROUTING_USAGE = `contractwright routing [--contract <openapi>]... [--rules <file|folder>]... [options]

Static load-balancer check: resolves every operation of the contract on every host it is served on
and lists the operations not routed, misrouted, or answered by a shadowing rule, each with the rule
that answers and the request that proves it. Exit code: 0 clean, 1 findings, 2 usage error.

  --contract <file>        contract to check (repeatable without --rules; default contracts/*/openapi.yaml)
  --rules <file|folder>    the deployed rules, detected by content: a routing.yaml, the JSON of
                           \`aws elbv2 describe-rules\` / \`describe-listeners\` (repeatable), Terraform
                           (.tf file or folder) or a Kubernetes Ingress. Default: routing.yaml beside the contract
  --rule-set <name>        rule set of a routing.yaml (default: the file's \`default\`)
  --host <name>=<host>     Host header of a contract host, e.g. api=api.hokus.ai (repeatable; a one-host
                           contract takes --host <host>). Only these hosts are checked
  --service <tg>=<svc>     target group or backend → contract service (repeatable); a one-service
                           contract gets every forward not mapped otherwise
  --routes [<svc>=]<doc>   the route list the service's code publishes (an OpenAPI file or URL): names
                           code routes the rules do not deliver, and contract operations the code lacks
  --compare <routing.yaml> report where the hand-written rules and the deployed ones disagree
  --json                   print one JSON report instead of text`

interface Report {
  contract: string
  rules: string
  ruleSet: string
  hosts: Record<string, string>
  operations: number
  findings: RoutingFinding[]
  routes?: CodeRoutesReport
  drift?: Drift[]
  warnings: string[]
}

/** `contractwright routing`; returns the exit code. */
export async function routingCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      contract: { type: 'string', multiple: true },
      rules: { type: 'string', multiple: true },
      'rule-set': { type: 'string' },
      host: { type: 'string', multiple: true },
      service: { type: 'string', multiple: true },
      routes: { type: 'string' },
      compare: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const deployedOnly = ['host', 'service', 'routes', 'compare'] as const
  if (!values.rules && deployedOnly.some((o) => values[o] !== undefined)) {
    throw new ConfigError(`--${deployedOnly.find((o) => values[o] !== undefined)} needs --rules <file|folder> (the deployed rules)`)
  }
  const reports = values.rules ? [await deployedReport(values)] : await besideReports(values.contract, values['rule-set'])
  if (values.json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2))
  else for (const r of reports) printReport(r)
  const failing = reports.some((r) => r.findings.length + (r.routes?.unreachable.length ?? 0) + (r.routes?.notInCode.length ?? 0) + (r.drift?.length ?? 0) > 0)
  return failing ? 1 : 0
}

type Values = { contract?: string[]; rules?: string[]; 'rule-set'?: string; host?: string[]; service?: string[]; routes?: string; compare?: string }

async function deployedReport(values: Values): Promise<Report> {
  const files = contractFiles(values.contract)
  if (files.length !== 1) throw new ConfigError(`--rules checks one contract; pass --contract <openapi> (found ${files.join(', ')})`)
  const file = files[0]!
  const contract = loadContract(file)
  const { ruleSet, hosts, warnings } = await loadDeployedRouting(contract, file, {
    rules: values.rules!, hosts: values.host ?? [], services: values.service ?? [], ...(values['rule-set'] ? { ruleSetName: values['rule-set'] } : {}),
  })
  const operations = onHosts(toRoutedOperations(contract.operations), hosts)
  const report: Report = {
    contract: file, rules: values.rules!.join(', '), ruleSet: ruleSet.name, hosts, operations: operations.length,
    findings: findShadowing(ruleSet, operations), warnings,
  }
  if (values.routes) report.routes = codeRoutes(values.routes, contract, ruleSet, operations)
  if (values.compare) report.drift = compareRuleSets(pickRuleSet(await loadRoutingFile(values.compare), values['rule-set']), ruleSet, Object.values(hosts))
  return report
}

// Without --rules: each contract against the routing.yaml beside it, as before.
async function besideReports(given: string[] | undefined, ruleSetName: string | undefined): Promise<Report[]> {
  const reports: Report[] = []
  for (const file of contractFiles(given)) {
    const routingFile = join(dirname(file), 'routing.yaml')
    if (!existsSync(routingFile)) {
      console.error(`${file}: no routing.yaml beside it, skipped (pass --rules <file|folder> for deployed rules)`)
      continue
    }
    const ruleSet = pickRuleSet(await loadRoutingFile(routingFile), ruleSetName)
    const contract = loadContract(file)
    const operations = toRoutedOperations(contract.operations)
    reports.push({ contract: file, rules: routingFile, ruleSet: ruleSet.name, hosts: ruleSet.hosts, operations: operations.length, findings: findShadowing(ruleSet, operations), warnings: [] })
  }
  if (reports.length === 0) throw new ConfigError('no contract has a routing.yaml beside it: nothing to check (pass --rules <file|folder>)')
  return reports
}

function codeRoutes(entry: string, contract: Contract, ruleSet: RuleSet, operations: RoutedOperation[]): CodeRoutesReport {
  const services = Object.keys(contract.services)
  const named = /^([A-Za-z0-9_-]+)=(.+)$/.exec(entry)
  const service = named && services.includes(named[1]!) ? named[1]! : services.length === 1 ? services[0]! : undefined
  if (service === undefined) throw new ConfigError(`--routes ${entry}: the contract has several services (${services.join(', ')}); write --routes <service>=<openapi>`)
  const source = named && services.includes(named[1]!) ? named[2]! : entry
  return checkCodeRoutes(ruleSet, service, loadContract(source).operations, operations, source)
}

function printReport(r: Report): void {
  const hosts = Object.entries(r.hosts).map(([name, hostname]) => (name === hostname ? name : `${name}=${hostname}`)).join(', ')
  const problems = r.findings.length
  console.log(`${r.contract} against ${r.rules} (rule set "${r.ruleSet}", hosts ${hosts}): ${r.operations} operations, ${problems === 0 ? 'every one routed to its service' : `${problems} finding${problems > 1 ? 's' : ''}`}`)
  printFindings(r.findings)
  if (r.routes) {
    const { unreachable, notInCode, service } = r.routes
    console.log(`code routes of ${service}: ${unreachable.length === 0 ? 'every one reachable' : `${unreachable.length} unreachable`}; ${notInCode.length === 0 ? 'every contract operation is in the code' : `${notInCode.length} contract operation(s) not in the code`}`)
    printFindings(unreachable, 'unreachable')
    for (const n of notInCode) console.log(`  not-in-code ${n.message}`)
  }
  if (r.drift) {
    console.log(`drift: ${r.drift.length === 0 ? 'the hand-written rules match the deployed ones' : `${r.drift.length} difference(s)`}`)
    for (const d of r.drift) console.log(`  ${d.message}`)
  }
  for (const w of r.warnings) console.log(`  warning: ${w}`)
}

function printFindings(findings: readonly RoutingFinding[], label?: string): void {
  for (const line of groupFindings(findings, label)) console.log(`  ${line}`)
}
