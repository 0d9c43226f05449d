import { defineCheck } from './check.js'

export const contentTypeConformance = defineCheck({
  name: 'content_type_conformance',
  summary: 'the response content type is declared for its status',
  appliesTo: (c) => c.operationId !== undefined && c.request.method !== 'HEAD', // HEAD answers carry no body
  run({ response }, { response: declared }) {
    if (!declared) return [] // status_code_conformance reports it
    const types = declared.content.map((m) => m.mediaType.toLowerCase())
    if (types.length === 0) {
      if (response.text === '') return []
      return [{ check: 'content_type_conformance', title: 'Body where none is declared', expected: 'an empty body', actual: `${response.contentType ?? '(no content type)'} body of ${response.text.length} bytes`, pointer: `${declared.at.file}#${declared.at.pointer}` }]
    }
    if (types.some((t) => mediaMatches(t, response.contentType))) return []
    return [{
      check: 'content_type_conformance',
      title: 'Undeclared content type',
      expected: types.join(' or '),
      actual: response.contentType ?? '(no content type)',
      pointer: `${declared.at.file}#${declared.at.pointer}/content`,
    }]
  },
})

export function mediaMatches(declared: string, actual: string | undefined): boolean {
  if (actual === undefined) return false
  if (declared === '*/*' || declared === actual) return true
  const [type, sub] = declared.split('/')
  return sub === '*' && actual.startsWith(`${type}/`)
}
