// A request that stays inside the mock (the API asking the auth service to validate a key, or one the
// platform's own server has already read off the socket) is an MSW resolution like any other, but it
// need not pay for a Fetch Request: in Node 20 each one builds a transferable AbortSignal, and each
// clone (MSW takes one per resolution, a service one more to keep the body for its fallback) tees a
// body stream. Those costs were most of an authenticated GET's three hops (bench/findings.md). This
// Request holds its body in memory, so reading and cloning it are plain copies; code that needs a
// real Fetch Request (`new Request(input)`, `fetch`, streams) asks for one with `toFetchRequest()`.

const neverAborted = new AbortController().signal

export interface InProcessRequestInit {
  method?: string
  headers?: HeadersInit
  /** the whole body, as text or bytes; never modified */
  body?: string | Uint8Array<ArrayBuffer>
}

/** A Fetch `Request` for in-process calls between mock services; MSW handlers accept it unchanged. */
export class InProcessRequest implements Request {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  readonly signal: AbortSignal = neverAborted
  readonly cache: RequestCache = 'default'
  readonly credentials: RequestCredentials = 'same-origin'
  readonly destination: RequestDestination = ''
  readonly integrity = ''
  readonly keepalive = false
  readonly mode: RequestMode = 'cors'
  readonly redirect: RequestRedirect = 'follow'
  readonly referrer = 'about:client'
  readonly referrerPolicy: ReferrerPolicy = ''
  readonly duplex = 'half'
  readonly #body: string | Uint8Array<ArrayBuffer> | null
  #used = false

  constructor(url: string, init: InProcessRequestInit = {}) {
    this.url = new URL(url).href
    this.method = (init.method ?? 'GET').toUpperCase()
    // as Fetch does: these are methods a Request cannot carry
    if (/^(CONNECT|TRACE|TRACK)$/.test(this.method)) throw new TypeError(`'${this.method}' HTTP method is unsupported.`)
    this.headers = new Headers(init.headers)
    if (init.body !== undefined && (this.method === 'GET' || this.method === 'HEAD')) {
      throw new TypeError(`InProcessRequest: a ${this.method} request has no body`)
    }
    this.#body = init.body ?? null
    if (typeof this.#body === 'string' && !this.headers.has('content-type')) this.headers.set('content-type', 'text/plain;charset=UTF-8')
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#body === null ? null : this.toFetchRequest().body
  }

  get bodyUsed(): boolean {
    return this.#used
  }

  clone(): InProcessRequest {
    if (this.#used) throw new TypeError('InProcessRequest: body already used')
    return new InProcessRequest(this.url, { method: this.method, headers: this.headers, ...this.#init() })
  }

  async text(): Promise<string> {
    const body = this.#consume()
    return typeof body === 'string' ? body : new TextDecoder().decode(body)
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text())
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer
  }

  /** A copy: the caller may write to it. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const body = this.#consume()
    return typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body)
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' })
  }

  async formData(): Promise<FormData> {
    const request = this.toFetchRequest()
    this.#consume()
    return request.formData()
  }

  /** The same request as a Fetch Request. */
  toFetchRequest(): Request {
    return new Request(this.url, { method: this.method, headers: this.headers, ...this.#init() })
  }

  #init(): { body?: string | Uint8Array<ArrayBuffer> } {
    return this.#body === null ? {} : { body: this.#body }
  }

  #consume(): string | Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError('InProcessRequest: body already used')
    if (this.#body === null) return ''
    this.#used = true
    return this.#body
  }
}
