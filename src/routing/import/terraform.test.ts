import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadContract } from '../../contract/load-contract.js'
import { loadDeployedRouting } from '../deployed-rule-set.js'
import { findShadowing } from '../find-shadowing.js'
import { toRoutedOperations } from '../routed-operation.js'
import type { RoutingError } from '../routing-error.js'
import { loadDeployedRules } from './load-deployed-rules.js'

const MODULE = 'test/fixtures/routing/terraform'
const HOKUSAI = 'contracts/hokusai/openapi.yaml'

/** A copy of the fixture module to break one thing in. */
function copyModule(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cw-tf-')), 'module')
  cpSync(MODULE, dir, { recursive: true })
  return dir
}

function withoutResource(dir: string, file: string, address: string): void {
  const text = readFileSync(join(dir, file), 'utf8')
  const start = text.indexOf(`resource "aws_lb_listener_rule" "${address}"`)
  const end = text.indexOf('\nresource ', start + 1)
  writeFileSync(join(dir, file), text.slice(0, start) + (end === -1 ? '' : text.slice(end + 1)))
}

async function hokusaiFindings(dir: string) {
  const contract = loadContract(HOKUSAI)
  const { ruleSet } = await loadDeployedRouting(contract, HOKUSAI, { rules: [dir], hosts: ['api=api.hokus.ai'] })
  const ops = toRoutedOperations(contract.operations).map((op) => ({ ...op, hosts: op.hosts.filter((h) => h === 'api') })).filter((op) => op.hosts.length > 0)
  return findShadowing(ruleSet, ops)
}

test('a module: variables (defaults and terraform.tfvars), locals and references resolve', async () => {
  const rules = await loadDeployedRules([MODULE])
  assert.equal(rules.format, 'terraform')
  const [listener] = rules.listeners
  assert.equal(listener!.name, 'aws_lb_listener.https (HTTPS:443)')
  assert.deepEqual(listener!.default, { fixedResponse: { status: 404, contentType: 'text/plain', body: 'Not Found' } })
  assert.deepEqual(listener!.rules.map((r) => `${r.priority} ${r.name} → ${r.target}`), [
    '85 aws_lb_listener_rule.mlflow_proxy → api', '90 aws_lb_listener_rule.root_routes → api', '91 aws_lb_listener_rule.root_info → api',
    '92 aws_lb_listener_rule.docs → api', '95 aws_lb_listener_rule.api_v1 → api', '100 aws_lb_listener_rule.api → api', '200 aws_lb_listener_rule.mlflow → mlflow',
  ])
  const v1 = listener!.rules.find((r) => r.priority === 95)!
  assert.deepEqual(v1.hosts, ['api.hokus.ai'], 'local.api_host = "api.${var.domain}" with domain from terraform.tfvars')
})

test('the module routes every Hokusai operation on api.hokus.ai (target groups named like the services need no --service)', async () => {
  assert.deepEqual((await hokusaiFindings(MODULE)).map((f) => f.message), [])
})

test('incident 1 from Terraform: without the api_v1 and api rules, /api/v1/* gets the fixed 404', async () => {
  const dir = copyModule()
  withoutResource(dir, 'listener_rules.tf', 'api_v1')
  withoutResource(dir, 'listener_rules.tf', 'api')
  const info = (await hokusaiFindings(dir)).find((f) => f.operationId === 'getModelInfo')
  assert.match(info?.message ?? '', /^not routed: GET \/api\/v1\/models\/x1\/info on api\.hokus\.ai matches no rule of listener "aws_lb_listener\.https \(HTTPS:443\)"; the load balancer answers 404 text\/plain/)
  rmSync(dir, { recursive: true })
})

test('incident 2 from Terraform: a tfvars value moves /api* to 80, ahead of /api/mlflow/* at 85', async () => {
  const dir = copyModule()
  writeFileSync(join(dir, 'prod.auto.tfvars'), 'api_catch_all_priority = 80\n')
  const shadow = (await hokusaiFindings(dir)).find((f) => f.shadowedRule?.priority === 85)
  assert.match(shadow?.message ?? '', /^rule 80 aws_lb_listener_rule\.api \(\/api\*\) shadows rule 85 aws_lb_listener_rule\.mlflow_proxy \(\/api\/mlflow\/\*\)/)
  rmSync(dir, { recursive: true })
})

test('bad input: malformed HCL, an unknown condition, an unresolved variable: one line each naming file and place', async () => {
  const broken = copyModule()
  writeFileSync(join(broken, 'extra.tf'), 'resource "aws_lb_listener_rule" "x" {\n')
  await assert.rejects(loadDeployedRules([broken]), (e: RoutingError) => {
    assert.match(e.message, /^contractwright: .*extra\.tf: not valid HCL: .*extra\.tf:1,\d+-\d+: Unclosed configuration block/)
    assert.ok(!e.message.includes('\n'))
    return true
  })
  const unknown = copyModule()
  writeFileSync(join(unknown, 'extra.tf'), 'resource "aws_lb_listener_rule" "x" {\n  listener_arn = aws_lb_listener.https.arn\n  priority = 5\n  action {\n    type = "forward"\n    target_group_arn = aws_lb_target_group.api.arn\n  }\n  condition {\n    path {\n      values = ["/x"]\n    }\n  }\n}\n')
  await assert.rejects(loadDeployedRules([unknown]), (e: RoutingError) => {
    assert.match(e.message, /extra\.tf: aws_lb_listener_rule\.x\.condition\[0\]\.path: unknown condition "path" \(known: path_pattern, host_header, http_request_method/)
    return true
  })
  const unset = copyModule()
  rmSync(join(unset, 'terraform.tfvars'))
  await assert.rejects(loadDeployedRules([unset]), (e: RoutingError) => {
    assert.match(e.message, /listener_rules\.tf: aws_lb_listener_rule\.api_v1\.condition\[1\]\.host_header\.values: variable "domain" has no default and no value in a \.tfvars file$/)
    return true
  })
})
