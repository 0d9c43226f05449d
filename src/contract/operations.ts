import { deref, displayLocation, type DocumentSet, type Location } from './documents.js'
import type { MediaSpec, Operation, ParameterSpec, ResponseSpec } from './contract.js'
import { joinPointer } from './pointer.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
type Obj = Record<string, unknown>

interface Defaults {
  hosts: string[]
  service: string | undefined // the one service of a document without x-services
  problems: string[]
}

/** Every operation of the root document's `paths`, with path-item fields merged in. */
export function readOperations(set: DocumentSet, defaults: Defaults): Operation[] {
  const root = set.docs.get(set.root) as Obj
  const paths = (root.paths ?? {}) as Obj
  const operations: Operation[] = []
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(set, rawItem, { file: set.root, pointer: joinPointer('/paths', path) })
    const itemObj = (item.value ?? {}) as Obj
    for (const method of METHODS) {
      const raw = itemObj[method]
      if (raw === undefined) continue
      const at = { file: item.at.file, pointer: joinPointer(item.at.pointer, method) }
      operations.push(readOperation(set, path, method, raw as Obj, itemObj, item.at, at, defaults))
    }
  }
  const seen = new Map<string, Operation>()
  for (const op of operations) {
    const twin = seen.get(op.id)
    // FastAPI gives every method of one api_route the same operationId: in a plain document the
    // later ones are known by method and path instead of refusing the document
    if (twin && defaults.service !== undefined) op.id = `${op.method} ${op.path}`
    else if (twin) defaults.problems.push(`${op.pointer}: operationId "${op.id}" is also used by ${twin.pointer}`)
    seen.set(op.id, op)
  }
  return operations
}

function readOperation(
  set: DocumentSet, path: string, method: string, op: Obj, item: Obj, itemAt: Location, at: Location, defaults: Defaults,
): Operation {
  const pointer = displayLocation(at)
  const pick = <T>(key: string): T | undefined => (op[key] ?? item[key]) as T | undefined
  const id = op.operationId as string | undefined
  const service = pick<string>('x-service') ?? defaults.service
  // a plain document may leave operationId out (Fastify does): the operation is then "GET /path"
  if ((typeof id !== 'string' || id === '') && defaults.service === undefined) defaults.problems.push(`${pointer}: missing operationId`)
  if (typeof service !== 'string') defaults.problems.push(`${pointer}: missing x-service (the service that must answer; the document declares x-services)`)
  const budget = op['x-latency-budget-ms'] as { budget?: number; enforce?: boolean } | number | undefined
  return {
    id: typeof id === 'string' && id !== '' ? id : `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    service: service ?? 'unknown',
    via: pick<string>('x-via'),
    hosts: pick<string[]>('x-hosts') ?? defaults.hosts,
    tags: (op.tags as string[] | undefined) ?? [],
    security: (op.security ?? (set.docs.get(set.root) as Obj).security ?? []) as Operation['security'],
    credential: pick<string>('x-credential'),
    safe: method === 'get' || method === 'head' || method === 'options' || op['x-safe'] === true,
    parameters: readParameters(set, [
      ...list(item.parameters, { file: itemAt.file, pointer: joinPointer(itemAt.pointer, 'parameters') }),
      ...list(op.parameters, { file: at.file, pointer: joinPointer(at.pointer, 'parameters') }),
    ]),
    requestBody: readRequestBody(set, op.requestBody, { file: at.file, pointer: joinPointer(at.pointer, 'requestBody') }),
    responses: readResponses(set, op.responses as Obj | undefined, { file: at.file, pointer: joinPointer(at.pointer, 'responses') }),
    knownDeviation: op['x-known-deviation'] as Operation['knownDeviation'],
    latencyBudget: typeof budget === 'number' ? { budget, enforce: false }
      : budget?.budget !== undefined ? { budget: budget.budget, enforce: budget.enforce === true } : undefined,
    at,
    pointer,
  }
}

function list(value: unknown, at: Location): Array<{ value: unknown; at: Location }> {
  if (!Array.isArray(value)) return []
  return value.map((v, i) => ({ value: v, at: { file: at.file, pointer: joinPointer(at.pointer, i) } }))
}

function readParameters(set: DocumentSet, raw: Array<{ value: unknown; at: Location }>): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>() // operation-level parameters override path-level ones
  for (const entry of raw) {
    const { value, at } = deref(set, entry.value, entry.at)
    const p = value as Obj
    const examples = readExamples(set, p, at)
    const schema = p.schema === undefined ? undefined : deref(set, p.schema, { file: at.file, pointer: joinPointer(at.pointer, 'schema') })
    const schemaExample = (schema?.value as Obj | undefined)?.examples
    if (Object.keys(examples).length === 0 && Array.isArray(schemaExample) && schemaExample.length > 0) examples.default = schemaExample[0]
    const spec: ParameterSpec = {
      name: String(p.name), in: p.in as ParameterSpec['in'], required: p.required === true || p.in === 'path',
      schema: schema?.at, examples,
    }
    byKey.set(`${spec.in}:${spec.name}`, spec)
  }
  return [...byKey.values()]
}

/** `example` becomes the example named 'default'; `examples` keep their names (values dereferenced). */
function readExamples(set: DocumentSet, holder: Obj, at: Location): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (holder.example !== undefined) out.default = holder.example
  for (const [name, raw] of Object.entries((holder.examples ?? {}) as Obj)) {
    const ex = deref(set, raw, { file: at.file, pointer: joinPointer(at.pointer, 'examples', name) }).value as Obj
    if (ex && 'value' in ex) out[name] = ex.value
  }
  return out
}

function readContent(set: DocumentSet, content: unknown, at: Location): MediaSpec[] {
  return Object.entries((content ?? {}) as Obj).map(([mediaType, raw]) => {
    const mediaAt = { file: at.file, pointer: joinPointer(at.pointer, mediaType) }
    const media = raw as Obj
    return {
      mediaType,
      schema: media.schema === undefined ? undefined : deref(set, media.schema, { file: at.file, pointer: joinPointer(mediaAt.pointer, 'schema') }).at,
      examples: readExamples(set, media, mediaAt),
    }
  })
}

function readRequestBody(set: DocumentSet, raw: unknown, at: Location): Operation['requestBody'] {
  if (raw === undefined) return undefined
  const body = deref(set, raw, at)
  const obj = body.value as Obj
  return { required: obj.required === true, content: readContent(set, obj.content, { file: body.at.file, pointer: joinPointer(body.at.pointer, 'content') }) }
}

function readResponses(set: DocumentSet, raw: Obj | undefined, at: Location): ResponseSpec[] {
  return Object.entries(raw ?? {}).map(([status, value]) => {
    const r = deref(set, value, { file: at.file, pointer: joinPointer(at.pointer, status) })
    const obj = (r.value ?? {}) as Obj
    return {
      status,
      service: obj['x-service'] as string | undefined,
      headers: Object.keys((obj.headers ?? {}) as Obj).map((h) => h.toLowerCase()),
      content: readContent(set, obj.content, { file: r.at.file, pointer: joinPointer(r.at.pointer, 'content') }),
      at: r.at,
    }
  })
}
