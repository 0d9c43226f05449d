import { safeDecode } from '../contract/safe-decode.js'
import { parseJson } from './media-type.js'

/** Field names that hold server-allocated ids: `id`, `*_id`, `*_ids`, `*_uuid`, `…Id`, `…Ids`. */
export const ID_KEY = /(^id$|_id$|_ids$|_uuid$|Id$|Ids$)/

/**
 * Recorded → live substitutions for ids the server allocated (run ids, experiment ids, any `id`, `*_id`,
 * `*_ids` or `*_uuid` field), learned by walking a recorded and a live response side by side.
 *
 * Long ids (≥ `minLength`, e.g. 32-hex run ids) are replaced wherever they occur, plain and URL-encoded.
 * Short ones ("23" for an experiment) would rewrite unrelated numbers that way, so they are replaced only
 * as a whole value: a JSON value under an id-like key, a query value under an id-like name, or a whole
 * `/`-separated segment of the path, of a query value or of a JSON string (`mlflow-artifacts:/23/<run>/…`).
 */
export class IdMap {
  readonly #long = new Map<string, string>()
  readonly #short = new Map<string, string>()
  readonly #idKey: RegExp
  readonly #minLength: number

  constructor({ idKey = ID_KEY, minLength = 8 }: { idKey?: RegExp; minLength?: number } = {}) {
    this.#idKey = idKey
    this.#minLength = minLength
  }

  entries(): Array<[recorded: string, live: string]> {
    return [...this.#long, ...this.#short]
  }

  learn(recorded: unknown, live: unknown, key = ''): void {
    if (typeof recorded === 'string' && typeof live === 'string') {
      if (!this.#idKey.test(key) || recorded === live || recorded === '' || live === '') return
      const map = recorded.length >= this.#minLength ? this.#long : this.#short
      if (!map.has(recorded)) map.set(recorded, live)
      return
    }
    if (Array.isArray(recorded) && Array.isArray(live)) {
      recorded.forEach((r, i) => this.learn(r, live[i], key))
      return
    }
    if (recorded && live && typeof recorded === 'object' && typeof live === 'object' && !Array.isArray(recorded) && !Array.isArray(live)) {
      for (const [k, r] of Object.entries(recorded)) this.learn(r, (live as Record<string, unknown>)[k], k)
    }
  }

  /** A recorded path + query with learned ids substituted. */
  applyToPath(path: string): string {
    const [pathname, query] = splitOnce(this.#replaceLong(path), '?')
    const segments = pathname.split('/').map((s) => this.#short.get(s) ?? s).join('/')
    if (query === undefined) return segments
    const pairs = query.split('&').map((pair) => {
      const [name, value] = splitOnce(pair, '=')
      if (value === undefined) return pair
      const decoded = safeDecode(value.replaceAll('+', ' '))
      const replaced = this.#idKey.test(safeDecode(name)) && this.#short.has(decoded) ? this.#short.get(decoded)! : this.#replaceSegments(decoded)
      return replaced === decoded ? pair : `${name}=${encodeURIComponent(replaced)}`
    })
    return `${segments}?${pairs.join('&')}`
  }

  /** A recorded body with learned ids substituted: structurally when it is JSON, long ids only otherwise. */
  applyToBody(body: string): string {
    const long = this.#replaceLong(body)
    if (this.#short.size === 0) return long
    const parsed = parseJson(long)
    return parsed === undefined ? long : JSON.stringify(this.#replaceInValue(parsed, ''))
  }

  #replaceInValue(value: unknown, key: string): unknown {
    if (typeof value === 'string') return this.#idKey.test(key) && this.#short.has(value) ? this.#short.get(value) : this.#replaceSegments(value)
    if (Array.isArray(value)) return value.map((v) => this.#replaceInValue(v, key))
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.#replaceInValue(v, k)]))
    return value
  }

  #replaceSegments(text: string): string {
    if (!text.includes('/')) return text
    return text.split('/').map((s) => this.#short.get(s) ?? s).join('/')
  }

  #replaceLong(text: string): string {
    let out = text
    for (const [from, to] of this.#long) {
      out = out.replaceAll(from, to)
      const encoded = encodeURIComponent(from)
      if (encoded !== from) out = out.replaceAll(encoded, encodeURIComponent(to))
    }
    return out
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}
