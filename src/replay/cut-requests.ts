import { ID_KEY } from './id-map.js'
import { parseJson } from './media-type.js'

/**
 * Entities whose recorded state is partly unknown: a request the server accepted but the recording cut
 * (see truncated-body.ts) changed more of them than the replay can resend. A later exchange that
 * disagrees and names one of them (in its request, its recorded or its live answer) is explained by the cut, not
 * judged; exchanges that agree count as usual, and every explained one is listed in the report.
 */
export class CutRequests {
  readonly #cutBy = new Map<string, number>() // recorded id → index of the cut request

  /** Remembers the ids (values of id-like fields) in the kept part of a cut body, as recorded and as sent. */
  note(index: number, keptBody: string): void {
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string' && ID_KEY.test(key) && value.length > 0 && !this.#cutBy.has(value)) this.#cutBy.set(value, index)
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key))
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
    }
    walk(parseJson(keptBody), '')
  }

  /** The cut request an exchange depends on: the one whose ids (recorded or live) its request or answers name. */
  explaining(recorded: { path: string; body: string | null; response: unknown }, liveBody: unknown): number | undefined {
    if (this.#cutBy.size === 0) return undefined
    const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))
    const text = `${recorded.path} ${recorded.body ?? ''} ${show(recorded.response)} ${show(liveBody)}`
    for (const [id, index] of this.#cutBy) if (text.includes(id)) return index
    return undefined
  }
}
