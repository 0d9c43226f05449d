import { appendFileSync } from 'node:fs'
import { describeProperties } from '../../src/index.js'

// BENCH_RECORD: every request the generated tests send, one JSON line each, so the bare fetch loop
// of the benchmark can send exactly the same ones.
const record = process.env.BENCH_RECORD
if (record) {
  const send = globalThis.fetch
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    appendFileSync(record, `${JSON.stringify({ url, method: init.method, headers: init.headers, body: init.body })}\n`)
    return send(url, init)
  }) as typeof fetch
}
describeProperties(process.env.BENCH_CONTRACT!)
