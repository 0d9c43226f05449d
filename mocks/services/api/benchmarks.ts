import { http, type RequestHandler } from 'msw'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse, naiveTimestamp, requestIdFor, validationError } from './fastapi-responses.js'

// src/api/routes/benchmarks.py (hokusai-api.md §5.6); the store lives per service instance.

const nullable = ['dataset_version', 'metadata', 'baseline_value', 'eval_spec', 'task_type', 'updated_at']

export function benchmarkHandlers(): RequestHandler[] {
  const specs = new Map<string, Record<string, unknown>>()
  let next = 1
  const notFound = () => detailResponse('BenchmarkSpec not found', 404)
  return [
    http.post('*/api/v1/benchmarks', async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const spec: Record<string, unknown> = Object.fromEntries(nullable.map((name) => [name, null]))
      Object.assign(spec, read.body, { spec_id: `spec-${next++}`, created_at: naiveTimestamp(), updated_at: null, is_active: true })
      specs.set(String(spec.spec_id), spec)
      return jsonResponse(spec, 201)
    }),
    http.get('*/api/v1/benchmarks', async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const query = new URL(request.url).searchParams
      const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1)
      const pageSize = Math.min(100, Math.max(1, Number.parseInt(query.get('page_size') ?? '20', 10) || 20))
      const modelId = query.get('model_id')
      const all = [...specs.values()].filter((spec) => modelId === null || spec.model_id === modelId)
      return jsonResponse({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, page_size: pageSize })
    }),
    http.post('*/api/v1/benchmarks/upload/:model_id', async ({ request, params }) => {
      const type = request.headers.get('content-type') ?? ''
      const form = type.startsWith('multipart/form-data') ? await request.formData().catch(() => undefined) : undefined
      const file = form?.get('file')
      if (!file || typeof file === 'string') {
        return validationError([{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }], requestIdFor(request))
      }
      if (!/\.(csv|parquet)$/i.test(file.name)) return detailResponse('Only CSV and Parquet files are supported', 400)
      const bytes = new Uint8Array(await file.arrayBuffer())
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex')
      return jsonResponse({
        s3_uri: `s3://hokusai-benchmarks/${String(params.model_id)}/${file.name}`, sha256_hash: digest,
        dataset_version: digest.slice(0, 12), spec_id: `spec-upload-${String(params.model_id)}`, filename: file.name,
        file_size_bytes: bytes.byteLength,
      }, 201)
    }),
    http.get('*/api/v1/benchmarks/:spec_id', ({ params }) => {
      const spec = specs.get(String(params.spec_id))
      return spec ? jsonResponse(spec) : notFound()
    }),
    http.put('*/api/v1/benchmarks/:spec_id', async ({ request, params }) => {
      const spec = specs.get(String(params.spec_id))
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      if (!spec) return notFound()
      Object.assign(spec, read.body, { updated_at: naiveTimestamp() })
      return jsonResponse(spec)
    }),
    http.delete('*/api/v1/benchmarks/:spec_id', ({ params }) =>
      specs.delete(String(params.spec_id)) ? new Response(null, { status: 204 }) : notFound()),
  ]
}
