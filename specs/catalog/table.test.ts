import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fakeCatalog, ids } from './fake-catalog.js'
import { walkFindings } from './findings.js'
import { renderTable } from './table.js'
import { walkGateway } from './walk.js'

test('catalog table › one row per gateway with counts, alias verdicts and the findings; pipes escaped', async () => {
  const fetchPage = fakeCatalog({ huggingface: ids('hf', 1204), groq: ids('g', 19) }, { faults: { cap: 101 }, echo: { huggingface: 'hug' } })
  const hf = await walkGateway('huggingface', fetchPage, 1000)
  const groq = await walkGateway('groq', fetchPage, 1000)
  const broken = await walkGateway('nebius', fakeCatalog({}, { fail: { nebius: { status: 500, detail: 'a|b' } } }), 1000)
  const table = renderTable([
    { walk: hf, aliases: [{ name: 'hug', ok: true }], findings: walkFindings(hf) },
    { walk: groq, aliases: [], findings: [] },
    { walk: broken, aliases: [], findings: walkFindings(broken) },
  ], { elapsedMs: 1234, requests: 9, concurrency: 8, limit: 1000, throttled: 1 })
  const lines = table.split('\n')
  assert.equal(lines[0], '## Gatewayz catalog: 3 gateways, 2 failing')
  assert.equal(lines[2], '| gateway | total claimed | items reached | unique | duplicates | aliases ok | status |')
  assert.match(lines[4]!, /^\| huggingface \(→ hug\) \| 1204 \| 101 \| 101 \| 0 \| yes \(hug\) \| FAIL: pagination incomplete: reached 101 of 1204; /)
  assert.equal(lines[5], '| groq | 19 | 19 | 19 | 0 | – | ok |')
  assert.equal(lines[6], '| nebius | – | – | – | – | – | FAIL: gateway nebius → 500 a\\|b, expected 200 |')
  assert.match(table, /Walked in 1\.2 s: 9 requests, limit 1000, concurrency 8, 1 × 429 honoured\./)
})
