import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { ContractError } from '../errors.js'

/** `http(s)://…` locations are fetched; anything else is a file path. */
export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location)
}

// Contracts load synchronously (Playwright collects tests synchronously), so a URL is fetched by a
// short child process. It prints one JSON line: the body, or the status or network error.
const FETCH_SCRIPT = `
const url = process.argv[1]
try {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(Number(process.argv[2])) })
  const text = await res.text()
  process.stdout.write(JSON.stringify(res.ok ? { text } : { status: res.status + ' ' + res.statusText }))
} catch (error) {
  const why = error?.name === 'TimeoutError' ? 'no answer within ' + process.argv[2] + ' ms' : error?.cause?.code ?? error?.cause?.message ?? error?.message
  process.stdout.write(JSON.stringify({ error: String(why) }))
}`

const FETCH_TIMEOUT_MS = 15_000

/** The text of a contract file or URL; a ContractError naming the location when it cannot be read. */
export function readSource(location: string, shown: string): string {
  if (!isUrl(location)) {
    try {
      return readFileSync(location, 'utf8')
    } catch (error) {
      throw new ContractError(shown, undefined, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`)
    }
  }
  let answer: { text?: string; status?: string; error?: string }
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', FETCH_SCRIPT, location, String(FETCH_TIMEOUT_MS)], {
      encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: FETCH_TIMEOUT_MS + 5_000, stdio: ['ignore', 'pipe', 'pipe'],
    })
    answer = JSON.parse(out)
  } catch (error) {
    answer = { error: (error as Error).message.split('\n')[0] }
  }
  if (answer.text !== undefined) return answer.text
  throw new ContractError(shown, undefined, answer.status ? `the URL answered ${answer.status}` : `cannot fetch the URL (${answer.error})`)
}
