import { createHash } from 'node:crypto'
import { ContractError } from '../errors.js'
import type { Contract, Operation, SecuritySchemeSpec, ServerSpec, ServiceSpec, VariableSpec } from './contract.js'
import { displayPath, loadDocuments, type DocumentSet } from './documents.js'
import { readOperations } from './operations.js'
import { joinPointer } from './pointer.js'
import { firstServerUrl, plainVariables, PLAIN_HOST } from './plain-variables.js'
import { isSecretName } from './secret-name.js'
import { upgradeDocuments } from './upgrade-documents.js'

type Obj = Record<string, unknown>

const SUPPORTED = /^(3\.[012]\.\d+|2\.0)$/

/**
 * Loads an OpenAPI 3.0, 3.1 or Swagger 2.0 document (a file or an http(s) URL, JSON or YAML, one file
 * or several joined by `$ref`s) and indexes its operations. A document without our extensions is one
 * service on one host; `x-services`, `x-variables` and `x-hosts` describe a multi-service platform.
 */
export function loadContract(file: string): Contract {
  const documents = loadDocuments(file)
  const raw = documents.docs.get(documents.root) as Obj
  const shown = displayPath(documents.root)
  const version = raw !== null && typeof raw === 'object' ? raw.openapi ?? raw.swagger : undefined
  if (typeof version !== 'string') {
    throw new ContractError(shown, '', 'not an OpenAPI document (no "openapi" field)')
  }
  if (!SUPPORTED.test(version)) {
    throw new ContractError(shown, raw.openapi === undefined ? '/swagger' : '/openapi', `unknown OpenAPI version "${version}"; contractwright reads OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0`)
  }
  const openapiVersion = upgradeDocuments(documents)
  const root = documents.docs.get(documents.root) as Obj
  const securitySchemes = readSecuritySchemes(root)
  const platform = root['x-variables'] !== undefined
  const variables = platform ? readVariables(root) : plainVariables(firstServerUrl(root.servers, documents.root), Object.values(securitySchemes))
  const hosts = [...new Set(variables.flatMap((v) => (v.host ? [v.host] : [])))]
  const problems: string[] = []
  const info = (root.info ?? {}) as Obj
  const operations = readOperations(documents, {
    hosts: hosts.length > 0 ? [hosts[0]!] : [PLAIN_HOST],
    // without x-services the document is one service, named after its title
    service: root['x-services'] === undefined ? serviceSlug(info.title) : undefined,
    problems,
  })
  if (problems.length > 0) {
    throw new ContractError(shown, undefined, `${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  }
  return {
    file,
    title: String(info.title ?? shown),
    version: String(info.version ?? ''),
    openapiVersion,
    hash: hashDocuments(documents),
    documents,
    operations,
    variables,
    hosts: hosts.length > 0 ? hosts : [PLAIN_HOST],
    services: readServices(root, documents, operations),
    securitySchemes,
    plain: root['x-services'] === undefined,
    authPrecedence: ((root['x-auth'] as Obj | undefined)?.precedence as string[] | undefined) ?? [],
    servers: ((root.servers ?? []) as Obj[]).map((s): ServerSpec => ({
      url: String(s.url), environment: s['x-environment'] as string | undefined, host: s['x-host'] as string | undefined,
    })),
  }
}

function readVariables(root: Obj): VariableSpec[] {
  return Object.entries((root['x-variables'] ?? {}) as Obj).map(([name, raw]) => {
    const v = (raw ?? {}) as Obj
    return {
      name,
      description: String(v.description ?? ''),
      host: v.host as string | undefined,
      secret: v.secret === true || isSecretName(name),
      credential: v.credential as string | undefined,
      scheme: undefined,
      optional: v.optional === true || v.default !== undefined,
      default: v.default as string | undefined,
      serverDefault: undefined,
      generatedMock: false,
    }
  })
}

/** `info.title` as a service name: "Pet Store API" → "pet-store-api". */
function serviceSlug(title: unknown): string {
  return String(title ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'api'
}

function readServices(root: Obj, documents: DocumentSet, operations: readonly Operation[]): Record<string, ServiceSpec> {
  const out: Record<string, ServiceSpec> = {}
  if (root['x-services'] === undefined) {
    for (const name of new Set(operations.map((o) => o.service))) out[name] = { name, description: String((root.info as Obj | undefined)?.title ?? name), fingerprint: undefined }
  }
  for (const [name, raw] of Object.entries((root['x-services'] ?? {}) as Obj)) {
    const s = (raw ?? {}) as Obj
    out[name] = {
      name,
      description: String(s.description ?? name),
      fingerprint: s.fingerprint === undefined ? undefined : { file: documents.root, pointer: joinPointer('/x-services', name, 'fingerprint') },
    }
  }
  return out
}

function readSecuritySchemes(root: Obj): Record<string, SecuritySchemeSpec> {
  const schemes = (((root.components ?? {}) as Obj).securitySchemes ?? {}) as Obj
  const out: Record<string, SecuritySchemeSpec> = {}
  for (const [name, raw] of Object.entries(schemes)) {
    const s = (raw ?? {}) as Obj
    out[name] = {
      name,
      type: String(s.type),
      in: s.in as SecuritySchemeSpec['in'],
      parameterName: s.name as string | undefined,
      scheme: typeof s.scheme === 'string' ? s.scheme.toLowerCase() : undefined,
    }
  }
  return out
}

function hashDocuments(documents: DocumentSet): string {
  const hash = createHash('sha256')
  for (const file of [...documents.texts.keys()].sort()) hash.update(displayPath(file)).update('\0').update(documents.texts.get(file)!)
  return hash.digest('hex')
}
