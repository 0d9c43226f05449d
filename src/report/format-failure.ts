import type { Exchange } from '../cases/exchange.js'
import type { Failure } from '../checks/check.js'
import type { Incident } from '../incidents/classify.js'
import { redact } from './redact.js'
import { toCurl } from './to-curl.js'

const LABEL = 11

/** The one renderer of failures: matcher, reporters and CLI all print this. Secrets masked. */
export function formatFailure(
  failures: readonly Failure[], x: Exchange, incident: Incident | undefined, answered: string | undefined, secrets: readonly string[],
): string {
  const line = (label: string, value: string | undefined) => (value ? `  ${label.padEnd(LABEL)}${value.replace(/\n/g, `\n  ${' '.repeat(LABEL)}`)}` : '')
  const head = failures.length > 1 ? `${failures[0]!.title} (${failures.length} failures)` : failures[0]?.title ?? 'Failure'
  const blocks = failures.map((f) => [
    line('check', f.check + (f.severity === 'warning' ? ' (warning, not failing)' : '')),
    line('expected', f.expected),
    line('actual', f.actual),
    line('at', f.instancePath),
    line('contract', f.pointer),
    line('hint', f.hint),
  ].filter(Boolean).join('\n'))
  const body = x.response.text.length > 600 ? `${x.response.text.slice(0, 600)}… (${x.response.text.length} bytes)` : x.response.text
  const text = [
    `${x.case.title}`,
    `${head}`,
    '',
    line('incident', incident ? incident.summary + (incident.evidence ? `\n(${incident.evidence})` : '') : undefined),
    line('status', `${x.response.status} ${x.response.contentType ?? '(no content type)'}`),
    line('answered', answered ?? (x.response.status >= 400 ? 'unidentified (no declared fingerprint matched)' : undefined)),
    line('target', x.target),
    '',
    blocks.join('\n\n'),
    '',
    line('body', body || '(empty)'),
    '',
    '  Reproduce:',
    '    ' + toCurl(x.request, secrets),
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '')
  return redact(text.join('\n'), secrets)
}
