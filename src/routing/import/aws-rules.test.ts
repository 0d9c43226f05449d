import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadContract } from '../../contract/load-contract.js'
import { loadDeployedRouting } from '../deployed-rule-set.js'
import { findShadowing } from '../find-shadowing.js'
import { toRoutedOperations } from '../routed-operation.js'
import { RoutingError } from '../routing-error.js'
import { loadDeployedRules } from './load-deployed-rules.js'

const FIXTURES = 'test/fixtures/routing'
const HOKUSAI = 'contracts/hokusai/openapi.yaml'
const SERVICES = ['hokusai-api-tg=api', 'hokusai-api-canary-tg=api', 'hokusai-mlflow-tg=mlflow', 'hokusai-auth-tg=auth']

async function hokusaiFindings(rules: string[]) {
  const contract = loadContract(HOKUSAI)
  const { ruleSet, hosts } = await loadDeployedRouting(contract, HOKUSAI, { rules, hosts: ['api=api.hokus.ai'], services: SERVICES })
  const ops = toRoutedOperations(contract.operations).map((op) => ({ ...op, hosts: op.hosts.filter((h) => h in hosts) })).filter((op) => op.hosts.length > 0)
  return findShadowing(ruleSet, ops)
}

test('describe-rules: Values and *Config forms, ForwardConfig weights, fixed-response, redirect, method and the default', async () => {
  const rules = await loadDeployedRules([`${FIXTURES}/aws-main-https.json`])
  assert.equal(rules.format, 'aws')
  const [listener] = rules.listeners
  assert.equal(rules.listeners.length, 1)
  assert.deepEqual(listener!.rules.map((r) => r.priority), [10, 20, 30, 85, 90, 91, 92, 95, 100, 200])
  const by = (p: number) => listener!.rules.find((r) => r.priority === p)!
  assert.deepEqual(by(10).hosts, ['auth.hokus.ai'])
  assert.deepEqual(by(20), { priority: 20, paths: ['/maintenance', '/maintenance/*'], methods: ['GET', 'HEAD'], fixedResponse: { status: 503, contentType: 'application/json', body: '{"detail":"maintenance"}' } })
  assert.deepEqual(by(30).fixedResponse, { status: 301, contentType: 'text/html', body: '', location: 'https://#{host}:443/docs?#{query}' })
  assert.equal(by(85).target, 'hokusai-api-tg')
  assert.equal(by(92).target, 'hokusai-api-tg|hokusai-api-canary-tg', 'heaviest first')
  assert.deepEqual(listener!.default, { fixedResponse: { status: 404, contentType: 'text/plain', body: 'Not Found' } })
  assert.match(rules.warnings.join('\n'), /rule 300: its http-header condition is not modelled, so the rule is left out/)
})

test('describe-listeners adds the listener name; the rules of one listener merge with it', async () => {
  const rules = await loadDeployedRules([`${FIXTURES}/aws-main-https.json`, `${FIXTURES}/aws-describe-listeners.json`])
  assert.equal(rules.listeners.length, 1)
  assert.equal(rules.listeners[0]!.name, 'hokusai-main HTTPS:443')
  assert.equal(rules.listeners[0]!.rules.length, 10)
})

test('the intended rules route every Hokusai operation on api.hokus.ai to its service', async () => {
  assert.deepEqual((await hokusaiFindings([`${FIXTURES}/aws-main-https.json`])).map((f) => f.message), [])
})

test('incident 1 from AWS JSON: without the /api/v1/* forward, predict gets the fixed 404 of the default', async () => {
  const findings = await hokusaiFindings([`${FIXTURES}/aws-v1-unrouted.json`])
  const predict = findings.find((f) => f.operationId === 'predict')
  assert.equal(predict?.kind, 'not-routed')
  assert.match(predict!.message, /^not routed: POST \/api\/v1\/models\/x1\/predict on api\.hokus\.ai matches no rule of listener "hokusai-main\/f2f7dc8e"; the load balancer answers 404 text\/plain/)
})

test('incident 2 from AWS JSON: /api* at 80 shadows /api/mlflow/* at 85', async () => {
  const findings = await hokusaiFindings([`${FIXTURES}/aws-api-first.json`])
  const mlflow = findings.find((f) => f.shadowedRule?.priority === 85)
  assert.equal(mlflow?.winningRule?.priority, 80)
  assert.match(mlflow!.message, /^rule 80 \(\/api\*\) shadows rule 85 \(\/api\/mlflow\/\*\) for GET \/api\/mlflow\//)
})

test('a single-service document: a path pattern without its /* form leaves the item routes at the fixed 404', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-aws-'))
  const file = join(dir, 'rules.json')
  const tg = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/pets/0123456789abcdef'
  writeFileSync(file, JSON.stringify({ Rules: [
    { Priority: '10', Conditions: [{ Field: 'path-pattern', Values: ['/pets', '/health'] }], Actions: [{ Type: 'forward', TargetGroupArn: tg }], IsDefault: false },
    { Priority: 'default', Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/html', MessageBody: '<h1>404</h1>' } }], IsDefault: true },
  ] }))
  const doc = 'test/fixtures/plain/pets-fastify.json'
  const contract = loadContract(doc)
  const { ruleSet } = await loadDeployedRouting(contract, doc, { rules: [file], hosts: ['pets.example.com'] })
  const findings = findShadowing(ruleSet, toRoutedOperations(contract.operations))
  assert.deepEqual([...new Set(findings.map((f) => `${f.kind} ${f.method} ${f.path}`))].sort(), ['not-routed DELETE /pets/x1', 'not-routed GET /pets/x1', 'not-routed PUT /pets/x1'])
  assert.match(findings[0]!.message, /matches no rule of listener .*; the load balancer answers 404 text\/html/)
})

test('bad input: one line naming the file and JSON pointer, nothing imported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-aws-bad-'))
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name) }
  const malformed = write('malformed.json', '{"Rules": [')
  await assert.rejects(loadDeployedRules([malformed]), (e: RoutingError) => /malformed\.json: not valid JSON/.test(e.message) && !e.message.includes('\n'))
  const unknown = write('unknown.json', JSON.stringify({ Rules: [
    { Priority: '5', Conditions: [{ Field: 'path', Values: ['/x'] }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:x:targetgroup/a/1' }] },
    { Priority: 'default', IsDefault: true, Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] },
  ] }))
  await assert.rejects(loadDeployedRules([unknown]), (e: RoutingError) => {
    assert.equal(e.message, `contractwright: ${unknown}: /Rules/0/Conditions/0/Field: unknown condition field "path" (known: path-pattern, host-header, http-request-method, http-header, query-string, source-ip)`)
    return true
  })
  const contract = loadContract(HOKUSAI)
  await assert.rejects(loadDeployedRouting(contract, HOKUSAI, { rules: [`${FIXTURES}/aws-main-https.json`], hosts: ['api=api.hokus.ai'], services: ['hokusai-api-tg=api'] }), (e: RoutingError) => {
    assert.deepEqual(e.problems, [
      'target "hokusai-auth-tg" is not mapped to a service: pass --service hokusai-auth-tg=<service> (services: api, auth, mlflow)',
      'target "hokusai-api-canary-tg" is not mapped to a service: pass --service hokusai-api-canary-tg=<service> (services: api, auth, mlflow)',
      'target "hokusai-mlflow-tg" is not mapped to a service: pass --service hokusai-mlflow-tg=<service> (services: api, auth, mlflow)',
    ])
    return true
  })
})
