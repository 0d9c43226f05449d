import { readFileSync } from 'node:fs'
import type { Recording } from './exchange.js'
import { fromHar } from './from-har.js'
import { fromTranscript } from './from-transcript.js'
import { RecordingError } from './recording-error.js'

/** Reads a transcript JSON (`exchanges[]`) or a HAR 1.2 file (`log.entries[]`), told apart by their top-level key. */
export function loadRecording(file: string): Recording {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new RecordingError(file, undefined, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new RecordingError(file, undefined, `not JSON (${(error as Error).message})`)
  }
  return parseRecording(file, data)
}

export function parseRecording(file: string, data: unknown): Recording {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new RecordingError(file, '', 'expected an object with "exchanges" (transcript) or "log" (HAR 1.2)')
  const top = data as Record<string, unknown>
  if ('log' in top) return { file, exchanges: fromHar(file, top) }
  if ('exchanges' in top) return { file, exchanges: fromTranscript(file, top) }
  throw new RecordingError(file, '', 'expected an object with "exchanges" (transcript) or "log" (HAR 1.2)')
}
