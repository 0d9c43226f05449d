import { defineCheck } from './check.js'

export const contentTypeDeclared = defineCheck({
  name: 'content_type_declared',
  summary: 'the response content type is declared for its status',
  appliesTo: (c) => c.operationId !== undefined && c.request.method !== 'HEAD', // HEAD answers carry no body
  run({ response }, { response: declared }) {
    if (!declared) return [] // status_declared reports it
    const types = declared.content.map((m) => m.mediaType.toLowerCase())
    if (types.length === 0) {
      if (response.text === '') return []
      return [{ check: 'content_type_declared', title: 'Body where none is declared', expected: 'an empty body', actual: `${response.contentType ?? '(no content type)'} body of ${response.text.length} bytes`, pointer: `${declared.at.file}#${declared.at.pointer}` }]
    }
    if (types.some((t) => mediaMatches(t, response.contentType))) return []
    return [{
      check: 'content_type_declared',
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
