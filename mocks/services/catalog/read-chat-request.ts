import type { ValidationIssue } from './fastapi-error.js'

/** The fields of `ProxyRequest` (§8) the mock acts on; extra fields are allowed and ignored. */
export interface ChatRequest {
  model: string
  messages: { role: string; content?: unknown }[]
  stream: boolean
}

type Read = { ok: true; request: ChatRequest } | { ok: false; issues: ValidationIssue[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const missing = (loc: (string | number)[], input: unknown): ValidationIssue => ({ type: 'missing', loc, msg: 'Field required', input })

/** Parses and validates a chat body the way FastAPI + pydantic v2 do, collecting every issue. */
export function readChatRequest(text: string): Read {
  if (text.trim() === '') return { ok: false, issues: [missing(['body'], null)] }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0)
    return { ok: false, issues: [{ type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }] }
  }
  if (!isObject(body)) {
    return { ok: false, issues: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body }] }
  }
  const issues: ValidationIssue[] = []
  if (!('model' in body)) issues.push(missing(['body', 'model'], body))
  else if (typeof body.model !== 'string') issues.push({ type: 'string_type', loc: ['body', 'model'], msg: 'Input should be a valid string', input: body.model })
  const messages = body.messages
  if (!('messages' in body)) issues.push(missing(['body', 'messages'], body))
  else if (!Array.isArray(messages)) issues.push({ type: 'list_type', loc: ['body', 'messages'], msg: 'Input should be a valid list', input: messages })
  else if (messages.length === 0) {
    issues.push({ type: 'too_short', loc: ['body', 'messages'], msg: 'List should have at least 1 item after validation, not 0', input: [], ctx: { field_type: 'List', min_length: 1, actual_length: 0 } })
  } else {
    messages.forEach((m: unknown, i) => {
      if (!isObject(m)) issues.push({ type: 'model_attributes_type', loc: ['body', 'messages', i], msg: 'Input should be a valid dictionary or object to extract fields from', input: m })
      else if (typeof m.role !== 'string') issues.push(m.role === undefined ? missing(['body', 'messages', i, 'role'], m) : { type: 'string_type', loc: ['body', 'messages', i, 'role'], msg: 'Input should be a valid string', input: m.role })
    })
  }
  if ('stream' in body && typeof body.stream !== 'boolean' && body.stream !== null) {
    issues.push({ type: 'bool_type', loc: ['body', 'stream'], msg: 'Input should be a valid boolean', input: body.stream })
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, request: { model: body.model as string, messages: messages as ChatRequest['messages'], stream: body.stream === true } }
}
