import { http, type RequestHandler } from 'msw'
import { contractRequest } from './contract-request.js'
import { detailResponse, jsonResponse } from './fastapi-responses.js'

// src/api/routes/dspy.py, prefix /api/v1/dspy (hokusai-api.md §5.5); /health is public.

const programs = [
  { program_id: 'email-draft', name: 'Email Draft', version: '1.0.0', signatures: [{ name: 'EmailDraft', inputs: ['recipient', 'topic'], outputs: ['email'] }], description: 'Drafts a sales email.' },
  { program_id: 'summarize', name: 'Summarize', version: '1.0.0', signatures: [{ name: 'Summarize', inputs: ['text'], outputs: ['summary'] }], description: 'Summarizes a text.' },
]
const modes = ['normal', 'dry_run', 'debug']

function execution(programId: string, inputs: unknown, index = 0) {
  const program = programs.find((candidate) => candidate.program_id === programId)
  return {
    execution_id: `exec-${programId}-${index + 1}`, success: true,
    outputs: { result: `${program?.name ?? programId} output`, input_keys: Object.keys((inputs ?? {}) as object) },
    error: null, execution_time: 0.12, program_name: program?.name ?? programId, metadata: { mode: 'normal' },
  }
}

export function dspyHandlers(): RequestHandler[] {
  return [
    http.post('*/api/v1/dspy/execute', async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const programId = String(read.body.program_id ?? 'email-draft')
      if (!programs.some((program) => program.program_id === programId)) return detailResponse(`Program not found: ${programId}`, 400)
      const mode = read.body.mode ?? 'normal'
      if (!modes.includes(String(mode))) return detailResponse(`Invalid execution mode: ${String(mode)}`, 400)
      return jsonResponse({ ...execution(programId, read.body.inputs), metadata: { mode } })
    }),
    http.post('*/api/v1/dspy/execute/batch', async ({ request }) => {
      const read = await contractRequest(request)
      if (!read.ok) return read.response
      const programId = String(read.body.program_id)
      if (!programs.some((program) => program.program_id === programId)) return detailResponse(`Program not found: ${programId}`, 400)
      const results = (read.body.inputs_list as unknown[]).map((inputs, index) => execution(programId, inputs, index))
      return jsonResponse({ batch_id: `batch-${programId}-${results.length}`, total: results.length, successful: results.length, failed: 0, results })
    }),
    http.get('*/api/v1/dspy/programs', () => jsonResponse(programs)),
    http.get('*/api/v1/dspy/execution/:execution_id', () => detailResponse('Execution history retrieval not yet implemented', 501)),
    http.get('*/api/v1/dspy/stats', () => jsonResponse({
      statistics: { total_executions: 0, successful_executions: 0, failed_executions: 0, average_execution_time: 0 },
      cache_enabled: true, mlflow_tracking: false,
    })),
    http.post('*/api/v1/dspy/cache/clear', () => jsonResponse({ message: 'Cache cleared successfully' })),
    http.get('*/api/v1/dspy/health', () => jsonResponse({ status: 'healthy', total_executions: 0, success_rate: 0 })),
  ]
}
