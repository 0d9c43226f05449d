import { pathToFileURL } from 'node:url'
import type { Fault } from '../../src/mocks/index.js'
import { faults } from './index.js'

const regenerate = 'npx tsx mocks/faults/render-faults-doc.ts > mocks/FAULTS.md'

/** mocks/FAULTS.md, generated from the fault list so it cannot go stale (a test compares them). */
export function renderFaultsDoc(list: readonly Fault[] = faults): string {
  const rows = list.map((fault) => {
    const changes = [
      fault.routing === undefined ? '' : `rule set \`${fault.routing}\``,
      fault.down.length === 0 ? '' : `down: ${fault.down.join(', ')}`,
      ...Object.entries(fault.settings).map(([service, settings]) =>
        `${service} settings: ${Object.entries(settings).map(([key, value]) => `\`${key}=${JSON.stringify(value) ?? 'unset'}\``).join(', ')}`),
      ...Object.entries(fault.handlers).map(([service, handlers]) => `${handlers.length} handler(s) in front of ${service}`),
    ].filter((change) => change !== '').join('; ')
    const cell = (text: string) => text.replace(/\|/g, '\\|')
    return `| \`${fault.name}\` | ${fault.incident} | ${cell(fault.summary)} | ${cell(changes)} | \`${fault.expect.failing.source.replace(/\|/g, '\\|')}\` |`
  })
  return [
    '# Mock faults',
    '',
    `Generated from \`mocks/faults/index.ts\`; regenerate with \`${regenerate}\`.`,
    'Select with `MOCK_FAULTS=a,b` (for example `MOCK_FAULTS=hf-token-missing npm run mock`). A fault changes only what',
    'its incident changed: the rule set, a service being down, a service setting, or handlers in front of a service.',
    '',
    '| fault | incident | what it reproduces | what it changes | failing tests |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(renderFaultsDoc())
