import { deref, displayLocation } from '../contract/documents.js'
import { getByPointer, joinPointer } from '../contract/pointer.js'
import { defineCheck, type Failure } from './check.js'

type Obj = Record<string, unknown>

/** Headers the declared response documents: required ones present, every present one valid against its schema. */
export const responseHeadersConformance = defineCheck({
  name: 'response_headers_conformance',
  summary: 'documented response headers are present when required and match their schemas',
  appliesTo: (c) => c.operationId !== undefined,
  run({ response }, { contract, response: declared, schemas }) {
    if (!declared || declared.headers.length === 0) return []
    const set = contract.documents
    const raw = deref(set, getByPointer(set.docs.get(declared.at.file), declared.at.pointer), declared.at)
    const headers = ((raw.value as Obj | undefined)?.headers ?? {}) as Obj
    const failures: Failure[] = []
    for (const name of Object.keys(headers)) {
      const at = { file: raw.at.file, pointer: joinPointer(raw.at.pointer, 'headers', name) }
      const header = deref(set, headers[name], at)
      const spec = (header.value ?? {}) as Obj
      const value = response.headers[name.toLowerCase()]
      if (value === undefined) {
        if (spec.required === true) failures.push({ check: 'response_headers_conformance', title: 'Required header missing', expected: `header "${name}"`, actual: 'absent', pointer: displayLocation(header.at) })
        continue
      }
      if (spec.schema === undefined) continue
      const schemaAt = { file: header.at.file, pointer: joinPointer(header.at.pointer, 'schema') }
      const typed = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
      // a header is text: a number-typed header passes as its number, a string-typed one as the text
      if (schemas.validate(schemaAt, typed).length > 0 && schemas.validate(schemaAt, value).length > 0) {
        failures.push({ check: 'response_headers_conformance', title: 'Header violates its schema', expected: `"${name}" matching ${displayLocation(schemaAt)}`, actual: JSON.stringify(value), pointer: displayLocation(schemaAt) })
      }
    }
    return failures
  },
})
