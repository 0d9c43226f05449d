import { createHash } from 'node:crypto'
import { ContractError } from '../errors.js'
import type { Contract, SecuritySchemeSpec, ServerSpec, ServiceSpec, VariableSpec } from './contract.js'
import { displayPath, loadDocuments, type DocumentSet } from './documents.js'
import { readOperations } from './operations.js'
import { joinPointer } from './pointer.js'
import { isSecretName } from './secret-name.js'

type Obj = Record<string, unknown>

/** Loads an OpenAPI 3.1 contract (one file or several joined by relative `$ref`s) and indexes its operations. */
export function loadContract(file: string): Contract {
  const documents = loadDocuments(file)
  const root = documents.docs.get(documents.root) as Obj
  const shown = displayPath(documents.root)
  if (root === null || typeof root !== 'object' || typeof root.openapi !== 'string') {
    throw new ContractError(shown, '', 'not an OpenAPI document (no "openapi" field)')
  }
  if (!root.openapi.startsWith('3.1')) {
    throw new ContractError(shown, '/openapi', `OpenAPI ${root.openapi} is not supported; contracts must be OpenAPI 3.1`)
  }
  const variables = readVariables(root)
  const hosts = [...new Set(variables.flatMap((v) => (v.host ? [v.host] : [])))]
  const problems: string[] = []
  const operations = readOperations(documents, { hosts: hosts.length > 0 ? [hosts[0]!] : ['default'], problems })
  if (problems.length > 0) {
    throw new ContractError(shown, undefined, `${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  }
  const info = (root.info ?? {}) as Obj
  return {
    file,
    title: String(info.title ?? shown),
    version: String(info.version ?? ''),
    hash: hashDocuments(documents),
    documents,
    operations,
    variables,
    hosts: hosts.length > 0 ? hosts : ['default'],
    services: readServices(root, documents),
    securitySchemes: readSecuritySchemes(root),
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
      optional: v.optional === true || v.default !== undefined,
      default: v.default as string | undefined,
    }
  })
}

function readServices(root: Obj, documents: DocumentSet): Record<string, ServiceSpec> {
  const out: Record<string, ServiceSpec> = {}
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
