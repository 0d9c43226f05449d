import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fakeCatalog, ids, type FakeOptions } from './fake-catalog.js'
import { walkFindings } from './findings.js'
import { walkGateway } from './walk.js'

const hug = ids('hf', 1204)
const findings = async (options: FakeOptions, limit = 1000, aliases = new Set(['hug', 'huggingface'])) =>
  walkFindings(await walkGateway('hug', fakeCatalog({ hug }, options), limit), aliases)

// One row per incident of #6/#7: the detector must fail on it, with the incident's words.
const rows: Array<[string, { given: FakeOptions; limit?: number; want: RegExp[] }]> = [
  ['a capped walk (101 reachable of 1204)', { given: { faults: { cap: 101 } }, want: [/^pagination incomplete: reached 101 of 1204$/, /has_more disagrees on page 1/] }],
  ['the same cap, paged by 100', { given: { faults: { cap: 101 } }, limit: 100, want: [/^pagination incomplete: reached 101 of 1204$/] }],
  ['a repeated page (offset ignored)', {
    given: { faults: { offsetIgnored: true } },
    want: [/^offset ignored: page 2 repeats page 1$/, /^pagination incomplete: reached 1000 of 1204$/, /^duplicates across pages: ids hf\/model-0000 \(pages 1, 2\), .* and 995 more$/, /page past the end \(offset 1204\) is not empty: 1000 items/],
  }],
  ['every page repeating page 1, paged by 100', { given: { faults: { offsetIgnored: true } }, limit: 100, want: [/^offset ignored: page 2 repeats page 1 \(so do pages 3–13\)$/, /\(pages 1–13\)/] }],
  ['duplicates across pages (overlapping pages)', { given: { faults: { overlap: true } }, want: [/^duplicates across pages: ids hf\/model-0999 \(pages 1, 2\)$/, /page past the end \(offset 1204\) is not empty: 1 item$/] }],
  ['an alias answering the router 404', {
    given: { fail: { hug: { status: 404, detail: '{"detail":"Not Found"}' } } },
    want: [/^alias broken: hug → 404 \{"detail":"Not Found"\}$/],
  }],
  ['page 1 in a different order the second time', {
    given: { bend: (a, offset, call) => (offset === 0 && call > 1 && a.page ? { ...a, page: { ...a.page, ids: [...a.page.ids].reverse() } } : a) },
    want: [/^order unstable: page 1 fetched twice gave different ids \(position 1: hf\/model-0000, then hf\/model-0999\)$/],
  }],
  ['has_more true on the last page, with nowhere to go', {
    given: { bend: (a, offset) => (offset === 1000 && a.page ? { ...a, page: { ...a.page, has_more: true, next_offset: 1000 } } : a) },
    want: [/^pagination broken: page 2 points back to offset 1000$/, /has_more disagrees on page 2 .*says true/],
  }],
  ['a past-the-end page that errors', {
    given: { bend: (a, offset) => (offset === 1204 ? { status: 500, detail: 'INTERNAL_ERROR' } : a) },
    want: [/^page past the end \(offset 1204\) → 500 INTERNAL_ERROR, expected an empty 200$/],
  }],
]

for (const [title, { given, limit, want }] of rows) {
  test(`catalog findings › ${title}`, async () => {
    const found = await findings(given, limit)
    for (const pattern of want) assert.ok(found.some((f) => pattern.test(f)), `missing ${pattern} in:\n${found.join('\n')}`)
  })
}

test('catalog findings › a healthy catalog pages cleanly by the maximum and by small pages', async () => {
  assert.deepEqual(await findings({}), [])
  assert.deepEqual(await findings({}, 7), [])
  assert.deepEqual(walkFindings(await walkGateway('empty', fakeCatalog({ empty: [] }), 1000)), [])
})

test('catalog findings › a failing listing outside any alias pair names the gateway', async () => {
  const walk = await walkGateway('groq', fakeCatalog({}, { fail: { groq: { status: 503, detail: 'SERVICE_UNAVAILABLE' } } }), 1000)
  assert.deepEqual(walkFindings(walk, new Set(['hug'])), ['gateway groq → 503 SERVICE_UNAVAILABLE, expected 200'])
})
