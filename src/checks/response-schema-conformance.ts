import { displayLocation } from '../contract/documents.js'
import { defineCheck, type Failure } from './check.js'
import { mediaMatches } from './content-type-conformance.js'

export const responseSchemaConformance = defineCheck({
  name: 'response_schema_conformance',
  summary: 'the response body conforms to the schema declared for its status and content type',
  appliesTo: (c) => c.operationId !== undefined && c.request.method !== 'HEAD', // HEAD answers carry no body
  run({ response }, { response: declared, schemas }) {
    const media = declared?.content.find((m) => mediaMatches(m.mediaType.toLowerCase(), response.contentType))
    if (!media?.schema) return []
    const isJson = /[/+]json$/.test(media.mediaType)
    if (isJson && response.json === undefined) {
      return [{ check: 'response_schema_conformance', title: 'Body is not JSON', expected: `${media.mediaType} matching ${displayLocation(media.schema)}`, actual: truncate(response.text), pointer: displayLocation(media.schema) }]
    }
    const errors = schemas.validate(media.schema, isJson ? response.json : response.text)
    return errors.map((e): Failure => ({
      check: 'response_schema_conformance',
      title: 'Response violates schema',
      expected: describeExpected(e.keyword, e.params as Record<string, unknown>, e.message),
      actual: describeActual(e.instancePath, isJson ? response.json : response.text),
      instancePath: e.instancePath || '/',
      pointer: `${displayLocation(media.schema!)}${e.schemaPath.replace(/^#/, ' → #')}`,
    }))
  },
})

function describeExpected(keyword: string, params: Record<string, unknown>, message: string | undefined): string {
  if (keyword === 'type') return String(params.type)
  if (keyword === 'required') return `property "${String(params.missingProperty)}" present`
  if (keyword === 'additionalProperties') return `no property "${String(params.additionalProperty)}"`
  return message ?? keyword
}

function describeActual(instancePath: string, body: unknown): string {
  let node = body
  for (const token of instancePath.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  if (node === undefined) return 'absent'
  const type = node === null ? 'null' : Array.isArray(node) ? 'array' : typeof node
  return `${truncate(JSON.stringify(node))} (${type})`
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
