import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadContract } from '../../contract/load-contract.js'
import { loadDeployedRouting } from '../deployed-rule-set.js'
import { findShadowing } from '../find-shadowing.js'
import { toRoutedOperations } from '../routed-operation.js'
import type { RoutingError } from '../routing-error.js'
import { loadDeployedRules } from './load-deployed-rules.js'

const INGRESS = 'test/fixtures/routing/ingress.yaml'
const HOKUSAI = 'contracts/hokusai/openapi.yaml'
const HOSTS = ['api=api.hokus.ai', 'registry=registry.hokus.ai']

function variant(edit: (text: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cw-ingress-')), 'ingress.yaml')
  writeFileSync(file, edit(readFileSync(INGRESS, 'utf8')))
  return file
}

async function hokusaiFindings(file: string) {
  const contract = loadContract(HOKUSAI)
  const { ruleSet } = await loadDeployedRouting(contract, HOKUSAI, { rules: [file], hosts: HOSTS, services: ['hokusai-api=api'] })
  const ops = toRoutedOperations(contract.operations).map((op) => ({ ...op, hosts: op.hosts.filter((h) => h === 'api' || h === 'registry') })).filter((op) => op.hosts.length > 0)
  return findShadowing(ruleSet, ops)
}

test('two Ingresses, two hosts: Prefix paths become path and path/*, longest first; the Service document is ignored', async () => {
  const rules = await loadDeployedRules([INGRESS])
  assert.equal(rules.format, 'ingress')
  const [listener] = rules.listeners
  assert.deepEqual(listener!.rules.map((r) => `${r.priority} ${r.hosts?.join()} ${r.paths?.join(' ')} → ${r.target}`), [
    '1 api.hokus.ai /api/mlflow /api/mlflow/* → hokusai-api',
    '2 api.hokus.ai /mlflow /mlflow/* → mlflow',
    '3 registry.hokus.ai /mlflow /mlflow/* → mlflow',
    '4 api.hokus.ai /api /api/* → hokusai-api',
    '5 api.hokus.ai /* → hokusai-api',
    '6 registry.hokus.ai /* → hokusai-api',
  ])
  assert.deepEqual(listener!.default, { fixedResponse: { status: 404, contentType: 'text/plain', body: '' } }, 'no default backend: the controller answers 404')
  assert.deepEqual((await hokusaiFindings(INGRESS)).map((f) => f.message), [])
})

// the api.hokus.ai Ingress with other paths; the registry Ingress as in the fixture
function apiPaths(paths: Array<[path: string, pathType: string, service: string]>): string {
  const text = readFileSync(INGRESS, 'utf8')
  const registry = text.slice(text.indexOf('---'))
  const entries = paths.map(([path, pathType, service]) => `          - path: ${path}\n            pathType: ${pathType}\n            backend:\n              service: { name: ${service}, port: { number: 80 } }\n`)
  return variant(() => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: hokusai-api\nspec:\n  rules:\n    - host: api.hokus.ai\n      http:\n        paths:\n${entries.join('')}${registry}`)
}

test('incident 1 from an Ingress: only /api/mlflow and /mlflow are routed on api.hokus.ai, so /api/v1/* gets the 404', async () => {
  const file = apiPaths([['/api/mlflow', 'Prefix', 'hokusai-api'], ['/mlflow', 'Prefix', 'mlflow']])
  const predict = (await hokusaiFindings(file)).find((f) => f.operationId === 'predict' && f.host === 'api')
  assert.match(predict?.message ?? '', /^not routed: POST \/api\/v1\/models\/x1\/predict on api\.hokus\.ai matches no rule of listener "ingress"; the load balancer answers 404 text\/plain/)
})

test('incident 2 from an Ingress: ImplementationSpecific /api* listed before /api/mlflow/* shadows it (listed order, as the ALB controller creates them)', async () => {
  const file = apiPaths([['/api*', 'ImplementationSpecific', 'hokusai-api'], ['/api/mlflow/*', 'ImplementationSpecific', 'hokusai-api'], ['/mlflow', 'Prefix', 'mlflow'], ['/*', 'ImplementationSpecific', 'hokusai-api']])
  const shadow = (await hokusaiFindings(file)).find((f) => f.shadowedRule?.paths?.includes('/api/mlflow/*'))
  assert.match(shadow?.message ?? '', /^rule \d+ ingress\/hokusai-api ImplementationSpecific \/api\* \(api\.hokus\.ai \+ \/api\*\) shadows rule \d+ ingress\/hokusai-api ImplementationSpecific \/api\/mlflow\/\* \(api\.hokus\.ai \+ \/api\/mlflow\/\*\) for GET \/api\/mlflow\//)
})

test('bad input: malformed YAML and an unknown pathType are one line naming the file and place', async () => {
  await assert.rejects(loadDeployedRules([variant((t) => `${t}\n  bad: [\n`)]), (e: RoutingError) => /ingress\.yaml: not valid YAML: /.test(e.message) && !e.message.includes('\n'))
  await assert.rejects(loadDeployedRules([variant((t) => t.replace('pathType: Prefix', 'pathType: Glob'))]), (e: RoutingError) => {
    assert.match(e.message, /ingress\.yaml: \/0\/spec\/rules\/0\/http\/paths\/0\/pathType: "Glob" is not Prefix, Exact or ImplementationSpecific$/)
    return true
  })
})
