// A synthetic contract of N operations, shaped like a real one: a root document, one path file per
// area of 10 resources, one schemas file, a routing file. Resource k has a read (GET, secured, path
// parameter) and a create (POST, secured, JSON body), each with its own response schema, examples and
// error statuses, so load, case generation and schema compilation all grow with N.
//   npx tsx bench/scale/synthetic-contract.ts 1000 bench/.out/synthetic-1000
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { stringify } from 'yaml'

export const SYNTHETIC = {
  host: 'svc',
  hostname: 'synthetic.example.test',
  urlVariable: 'SYNTH_URL',
  keyVariable: 'SYNTH_API_KEY',
  keyHeader: 'X-API-Key',
  service: 'svc',
} as const

const RESOURCES_PER_AREA = 10

/** Writes the contract for `operations` operations (an even number ≥ 2) into `dir`; returns the root file. */
export function writeSyntheticContract(operations: number, dir: string): string {
  if (!Number.isInteger(operations) || operations < 2 || operations % 2 !== 0) {
    throw new Error(`synthetic contract: operations must be an even integer ≥ 2, got ${operations}`)
  }
  const resources = operations / 2
  const areas = Math.ceil(resources / RESOURCES_PER_AREA)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'paths'), { recursive: true })
  mkdirSync(join(dir, 'components'), { recursive: true })

  const rootPaths: Record<string, unknown> = {}
  const schemas: Record<string, unknown> = { Error: errorSchema }
  for (let area = 0; area < areas; area++) {
    const paths: Record<string, unknown> = {}
    for (let k = area * RESOURCES_PER_AREA; k < Math.min(resources, (area + 1) * RESOURCES_PER_AREA); k++) {
      const collection = `/v1/r${k}/items`
      const item = `${collection}/{item_id}`
      paths[collection] = { post: createOperation(k) }
      paths[item] = { get: readOperation(k) }
      for (const path of [collection, item]) rootPaths[path] = { $ref: `./paths/area-${area}.yaml#/${pointerToken(path)}` }
      schemas[`Item${k}`] = itemSchema(k)
      schemas[`NewItem${k}`] = structuredClone(newItemSchema)
    }
    writeYaml(join(dir, 'paths', `area-${area}.yaml`), paths)
  }
  writeYaml(join(dir, 'components', 'schemas.yaml'), schemas)
  writeYaml(join(dir, 'openapi.yaml'), rootDocument(operations, rootPaths))
  writeYaml(join(dir, 'routing.yaml'), routing)
  return resolve(dir, 'openapi.yaml')
}

function rootDocument(operations: number, paths: Record<string, unknown>) {
  return {
    openapi: '3.1.0',
    info: { title: `Synthetic ${operations}`, version: '1.0.0', summary: `${operations} generated operations (bench/scale)` },
    'x-variables': {
      [SYNTHETIC.urlVariable]: { description: 'base URL of the synthetic service', host: SYNTHETIC.host },
      [SYNTHETIC.keyVariable]: { description: 'a synthetic key', secret: true, credential: 'user' },
    },
    'x-auth': { precedence: ['apiKeyHeader'] },
    'x-services': {
      [SYNTHETIC.service]: {
        description: 'the synthetic service: every answer is JSON',
        fingerprint: { type: 'object', required: ['contentType'], properties: { contentType: { type: 'string', pattern: '^application/json' } } },
      },
    },
    servers: [{ url: 'http://127.0.0.1:4090', 'x-environment': 'mock', 'x-host': SYNTHETIC.host }],
    tags: [{ name: 'items', description: 'generated resources' }],
    security: [{ apiKeyHeader: [] }],
    paths,
    components: {
      securitySchemes: { apiKeyHeader: { type: 'apiKey', in: 'header', name: SYNTHETIC.keyHeader } },
    },
  }
}

const ref = (name: string) => ({ $ref: `../components/schemas.yaml#/${name}` })

// Both operations of resource k: secured by the root's `security`, answered by the one service.
const operation = (operationId: string, summary: string) => ({ operationId, summary, tags: ['items'], 'x-service': SYNTHETIC.service, 'x-hosts': [SYNTHETIC.host] })
const json = (schema: string, example: string, value: unknown) => ({ 'application/json': { schema: ref(schema), examples: { [example]: { value } } } })
const errorBody = (name: string, description: string, detail: string) => ({ description, content: json('Error', name, { detail }) })
// a new object per use: a shared one would be written as a YAML alias, and the parser refuses thousands of those
const unauthorized = () => errorBody('unauthorized', 'no key, or an unknown one', 'Invalid API key')

function readOperation(k: number) {
  return {
    ...operation(`getItem${k}`, `Read an item of resource ${k}`),
    parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' }, examples: { existing: { value: `item-${k}` } } }],
    responses: {
      200: { description: 'the item', content: json(`Item${k}`, 'existing', itemExample(k)) },
      401: unauthorized(),
      404: errorBody('missing', 'no such item', 'Not Found'),
    },
  }
}

function createOperation(k: number) {
  return {
    ...operation(`createItem${k}`, `Create an item of resource ${k}`),
    requestBody: { required: true, content: json(`NewItem${k}`, 'created', { name: `thing ${k}`, size: k }) },
    responses: {
      201: { description: 'created', content: json(`Item${k}`, 'created', itemExample(k)) },
      401: unauthorized(),
      422: errorBody('invalid', 'the body does not match the schema', 'Unprocessable Entity'),
    },
  }
}

const errorSchema = { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } }
const newItemSchema = {
  type: 'object', required: ['name', 'size'], additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer', minimum: 0 } },
}

function itemSchema(k: number) {
  return {
    type: 'object',
    required: ['id', 'name', 'size', 'tags', 'created', 'owner', 'status', 'score'],
    properties: {
      id: { type: 'string', pattern: `^item-${k}$|^[a-z0-9-]+$` },
      name: { type: 'string' },
      size: { type: 'integer', minimum: 0 },
      tags: { type: 'array', items: { type: 'string' } },
      created: { type: 'string', format: 'date-time' },
      owner: { type: 'object', required: ['id', 'email'], properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' } } },
      status: { enum: ['draft', 'active', 'archived'] },
      score: { type: 'number' },
    },
  }
}

function itemExample(k: number) {
  return {
    id: `item-${k}`, name: `thing ${k}`, size: k, tags: ['synthetic'], created: '2026-12-01T00:00:00Z',
    owner: { id: k, email: `owner${k}@example.test` }, status: 'active', score: 0.5,
  }
}

const routing = {
  hosts: { [SYNTHETIC.host]: SYNTHETIC.hostname },
  default: 'intended',
  'rule-sets': {
    intended: {
      description: 'one listener forwards every path to the synthetic service',
      source: 'bench/scale/synthetic-contract.ts',
      listeners: [{ name: 'main', hosts: [SYNTHETIC.hostname], rules: [], default: { target: SYNTHETIC.service } }],
    },
  },
}

const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')
const writeYaml = (file: string, value: unknown) => writeFileSync(file, stringify(value))

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [count, dir] = process.argv.slice(2)
  if (!count || !dir) {
    console.error('usage: npx tsx bench/scale/synthetic-contract.ts <operations> <dir>')
    process.exit(2)
  }
  console.log(writeSyntheticContract(Number(count), dir))
}
