import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { pathToFileURL } from 'node:url'
import type { DocumentSet, Location } from './documents.js'
import { isUrl } from './read-source.js'

/** Validators for a contract's schemas: one Ajv instance, every file added once, validators memoised by location. */
export interface SchemaRegistry {
  validator(at: Location): ValidateFunction
  validate(at: Location, value: unknown): ErrorObject[]
}

// OpenAPI-only keywords Ajv must accept inside schemas.
const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator']

// one registry per document set: the cases (generated values), the checks and the mock share its compiled validators
const registries = new WeakMap<DocumentSet, SchemaRegistry>()

export function compileSchemas(set: DocumentSet): SchemaRegistry {
  let registry = registries.get(set)
  if (!registry) registries.set(set, (registry = buildRegistry(set)))
  return registry
}

function buildRegistry(set: DocumentSet): SchemaRegistry {
  // strictSchema is off because whole OpenAPI documents are added as schemas (paths, info ... are not
  // schema keywords); schema typos are caught by the contract lint instead.
  // code.optimize off: the optimiser pass was a third of compile time, and it only trims generated code.
  const ajv = new Ajv2020({
    allErrors: true, strict: true, strictSchema: false, strictTypes: false, strictTuples: false, strictRequired: false, validateSchema: false,
    code: { optimize: false },
  })
  addFormats.default(ajv)
  ajv.addVocabulary(OPENAPI_KEYWORDS)
  for (const [file, doc] of set.docs) ajv.addSchema(doc as object, fileId(file))
  const cache = new Map<string, ValidateFunction>()
  const validator = (at: Location): ValidateFunction => {
    const key = `${fileId(at.file)}#${at.pointer}`
    let fn = cache.get(key)
    if (!fn) {
      fn = ajv.getSchema(key)
      if (!fn) throw new Error(`contractwright: no schema at ${key}`)
      cache.set(key, fn)
    }
    return fn
  }
  return {
    validator,
    validate(at, value) {
      const fn = validator(at)
      return fn(value) ? [] : [...(fn.errors ?? [])]
    },
  }
}

function fileId(file: string): string {
  return isUrl(file) ? file : pathToFileURL(file).href
}
