import { parseArgs } from 'node:util'
import { ConfigError } from '../errors.js'
import { agreementOf } from '../replay/agreement.js'
import { loadRecording } from '../replay/load-recording.js'
import { redactUrl } from '../replay/redact.js'
import { renderReport, reportJson } from '../replay/render-report.js'
import { replayRecording } from '../replay/replay.js'

export const REPLAY_USAGE = `contractwright replay <recording> --target <url> [--prefix <path>] [--header 'Name: value']...
                      [--header-env Name=ENV_VAR]... [--min-agreement <percent>] [--min-kind-agreement <percent>] [--error-field <pointer>]
                      [--ignore <key path>]... [--stable-key <key>]... [--json]

Replays recorded traffic in order against a live target and compares each answer with the recorded
one: status, content-type class, the error field, and the set of response key paths (ids, timestamps
and messages are values, so only their presence counts). Ids the target allocates differently are
learned from its answers and substituted in later requests. The recording is a transcript JSON
(\`exchanges[]\`) or a HAR 1.2 file (\`log.entries[]\`). Credentials (Authorization, X-API-Key, cookies,
any header or query parameter named like key/token/secret) are redacted in everything printed.
Exit code: 0 agreement at or above the thresholds, 1 below, 2 usage error or unreadable recording.

  --target <url>                 base URL of the target (required), e.g. http://127.0.0.1:5000
  --prefix <path>                prepended to every recorded path (e.g. /api/mlflow through a proxy)
  --header 'Name: value'         sent with every request (repeatable), e.g. 'X-API-Key: ...'
  --header-env Name=ENV_VAR      the same, the value read from an environment variable, so a key
                                 stays out of the process list and shell history (repeatable)
  --min-agreement <percent>      overall agreement needed for exit 0 (default 100)
  --min-kind-agreement <percent> agreement needed for every endpoint kind (default 0: not checked)
  --error-field <pointer>        JSON pointer of the error code in error bodies (default /error_code)
  --ignore <key path>            a response key path left out of the key-set comparison (repeatable), e.g. .run.inputs
  --stable-key <key>             a key whose values must agree too (repeatable), e.g. current_stage
  --json                         print the report as JSON`

/** `contractwright replay`: returns the exit code. */
export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: {
    target: { type: 'string' }, prefix: { type: 'string' }, header: { type: 'string', multiple: true }, 'header-env': { type: 'string', multiple: true },
    'min-agreement': { type: 'string' }, 'min-kind-agreement': { type: 'string' }, 'error-field': { type: 'string' },
    ignore: { type: 'string', multiple: true }, 'stable-key': { type: 'string', multiple: true }, json: { type: 'boolean' },
  } })
  if (positionals.length !== 1) throw new ConfigError(`replay needs exactly one recording file, got ${positionals.length}`)
  if (!values.target) throw new ConfigError('replay needs --target <url>: the base URL to replay against')
  const target = checkedTarget(values.target)
  const minAgreement = percentOption('--min-agreement', values['min-agreement'], 100)
  const minKindAgreement = percentOption('--min-kind-agreement', values['min-kind-agreement'], 0)
  const errorField = values['error-field'] ?? '/error_code'
  if (!errorField.startsWith('/')) throw new ConfigError(`--error-field must be a JSON pointer such as /error_code or /error/code, got "${errorField}"`)
  if (values.prefix !== undefined && !values.prefix.startsWith('/')) throw new ConfigError(`--prefix must start with "/", got "${values.prefix}"`)
  const headers = [...(values.header ?? []).map(parseHeader), ...(values['header-env'] ?? []).map(headerFromEnv)]
  const recording = loadRecording(positionals[0]!)
  const result = await replayRecording(recording, target, {
    prefix: values.prefix, headers, errorField, ignorePaths: values.ignore, stableKeys: values['stable-key'],
  })
  const report = agreementOf(result.outcomes)
  const lowKinds = report.byKind.filter((k) => k.total > 0 && k.percent < minKindAgreement)
  const passed = report.overall.percent >= minAgreement && lowKinds.length === 0
  if (values.json) {
    console.log(JSON.stringify({ ...(reportJson(result) as object), minAgreement, minKindAgreement, passed }, null, 2))
  } else {
    console.log(renderReport(result))
    console.log('')
    const kinds = lowKinds.length ? `; below ${minKindAgreement}% for ${lowKinds.map((k) => k.kind).join(', ')}` : ''
    console.log(`${passed ? 'PASS' : 'FAIL'}: ${report.overall.percent.toFixed(1)}% agreement (needed ${minAgreement}%)${kinds}`)
  }
  return passed ? 0 : 1
}

function checkedTarget(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`--target must be an absolute http(s) URL, got "${redactUrl(value)}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`--target must be an http(s) URL, got "${redactUrl(value)}"`)
  return value.replace(/\/$/, '')
}

function parseHeader(value: string): [string, string] {
  const at = value.indexOf(':')
  const name = at > 0 ? value.slice(0, at).trim() : ''
  // the value may be a credential: the message names the header only
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigError(`--header must look like 'Name: value', got one without a valid name before ":"`)
  return [name, value.slice(at + 1).trim()]
}

function headerFromEnv(value: string): [string, string] {
  const at = value.indexOf('=')
  const name = at > 0 ? value.slice(0, at).trim() : ''
  const variable = value.slice(at + 1).trim()
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new ConfigError(`--header-env must look like 'X-API-Key=CONTRACT_API_KEY' (header name = environment variable), got "${value}"`)
  }
  const headerValue = process.env[variable]
  if (!headerValue) throw new ConfigError(`--header-env ${name}=${variable}: environment variable ${variable} is not set or empty`)
  return [name, headerValue]
}

function percentOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new ConfigError(`${flag} must be a percentage from 0 to 100, got "${value}"`)
  return n
}
