// The contract and the mock must agree: every example validates against its schema, and for every
// example case the mock answers the paired status with a body that conforms to the contract.
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { createCatalogService } from './index.js'

type Node = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const CONTRACT = new URL('../../../contracts/gatewayz/openapi.yaml', import.meta.url)
const doc = parse(readFileSync(CONTRACT, 'utf8')) as Node
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
addFormats.default(ajv)
ajv.addSchema(doc, 'gatewayz')

const esc = (s: string): string => s.replaceAll('~', '~0').replaceAll('/', '~1')
/** Follows a local $ref; returns the node and its JSON pointer. */
function deref(node: Node, pointer: string): [Node, string] {
  if (typeof node.$ref !== 'string') return [node, pointer]
  const target = (node.$ref as string).slice(1)
  const found = target.split('/').slice(1).reduce((n: Node, key) => n[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc)
  return deref(found, target)
}
function validate(pointer: string, value: unknown): string[] {
  const check = ajv.getSchema(`gatewayz#${pointer}`)
  assert.ok(check, `no schema at ${pointer}`)
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

interface Operation { path: string; method: string; op: Node; pointer: string }
const operations: Operation[] = Object.entries(doc.paths as Node).flatMap(([path, item]) =>
  Object.entries(item as Node).map(([method, op]) => ({ path, method, op: op as Node, pointer: `/paths/${esc(path)}/${method}` })),
)
const params = (o: Operation): [Node, string][] => ((o.op.parameters ?? []) as Node[]).map((p, i) => deref(p, `${o.pointer}/parameters/${i}`))
const responses = (o: Operation): [string, Node, string][] =>
  Object.entries(o.op.responses as Node).map(([status, r]) => [status, ...deref(r as Node, `${o.pointer}/responses/${status}`)])

test('catalog contract › every example validates against its schema', () => {
  const problems: string[] = []
  for (const o of operations) {
    for (const [p, at] of params(o)) {
      for (const [name, ex] of Object.entries((p.examples ?? {}) as Node)) problems.push(...validate(`${at}/schema`, ex.value).map((m) => `${at} ${name}: ${m}`))
    }
    const body = o.op.requestBody?.content?.['application/json']
    for (const [name, ex] of Object.entries((body?.examples ?? {}) as Node)) {
      problems.push(...validate(`${o.pointer}/requestBody/content/application~1json/schema`, ex.value).map((m) => `${o.op.operationId} ${name}: ${m}`))
    }
    for (const [, r, at] of responses(o)) {
      for (const [type, media] of Object.entries((r.content ?? {}) as Node)) {
        for (const [name, ex] of Object.entries((media.examples ?? {}) as Node)) {
          problems.push(...validate(`${at}/content/${esc(type)}/schema`, ex.value).map((m) => `${at} ${name}: ${m}`))
        }
      }
    }
  }
  assert.deepEqual(problems, [])
})

test('catalog contract › the mock answers every example case with the paired status and a conforming body', async () => {
  const key = 'cw-test-key-0001'
  const service = createCatalogService({ keys: [key] })
  let cases = 0
  for (const o of operations) {
    const names = new Set<string>()
    for (const [p] of params(o)) for (const name of Object.keys(p.examples ?? {})) names.add(name)
    const bodyExamples = (o.op.requestBody?.content?.['application/json']?.examples ?? {}) as Node
    for (const name of Object.keys(bodyExamples)) names.add(name)
    if (names.size === 0) names.add('(no example)')
    for (const name of names) {
      let path = o.path
      const url = new URL('http://catalog.test')
      for (const [p] of params(o)) {
        const value = p.examples?.[name]?.value
        if (value === undefined) continue
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)))
        else url.searchParams.set(p.name, String(value))
      }
      url.pathname = path
      const paired = responses(o).find(([, r]) => Object.values((r.content ?? {}) as Node).some((m) => m.examples?.[name] !== undefined))
      const expected = paired?.[0] ?? responses(o).map(([s]) => s).filter((s) => s.startsWith('2')).sort()[0]
      const body = bodyExamples[name]?.value
      const request = new Request(url, {
        method: o.method.toUpperCase(),
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const response = await service.handle(request)
      const title = `${o.op.operationId} ${name}`
      assert.equal(String(response.status), expected, title)
      const [, declared, at] = responses(o).find(([s]) => s === expected) as [string, Node, string]
      const type = response.headers.get('content-type') ?? ''
      assert.ok(declared.content[type], `${title}: undeclared content type ${type}`)
      assert.deepEqual(validate(`${at}/content/${esc(type)}/schema`, await response.json()), [], title)
      cases += 1
    }
  }
  assert.ok(cases >= operations.length, `only ${cases} cases ran`)
})
