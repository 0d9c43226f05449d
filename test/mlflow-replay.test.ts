// Fidelity of the MLflow mock: every 2.17.0 recording in test/fixtures/mlflow-transcripts (the probe and
// the seeded sequences of a real MLflow 2.17.0 server) replays against a fresh 2.17.0 mock through
// src/replay, and must agree on ≥ 99% of its exchanges, overall and per recording, and on ≥ 95% of
// every endpoint kind. The 3.1.2.dev0 probe replays against the 3.x mock; the documented version
// differences (README §5 there) are reported from the 2.17.0 mock replaying it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createMlflowService } from '../mocks/services/mlflow/index.js'
import { agreementOf, disagreementLines, loadRecording, renderAgreementTable, replayRecording, type ExchangeOutcome } from '../src/replay/index.js'

const MIN_OVERALL = 99
const MIN_PER_KIND = 95
const folder = fileURLToPath(new URL('./fixtures/mlflow-transcripts/', import.meta.url))
const recordings = readdirSync(folder).filter((f) => f.endsWith('.json') && f.includes('2.17.0')).sort()

test('mlflow replay › every 2.17.0 recording agrees with the 2.17.0 mock (≥ 99% overall, ≥ 95% per endpoint kind)', async (t) => {
  assert.ok(recordings.length >= 4, `expected the probe and three seeded sequences, found ${recordings.join(', ')}`)
  const all: ExchangeOutcome[] = []
  const problems: string[] = []
  for (const file of recordings) {
    const result = await replayRecording(loadRecording(`${folder}${file}`), createMlflowService({ settings: { version: '2.17.0' } }).handle)
    const report = agreementOf(result.outcomes)
    all.push(...result.outcomes)
    const { agreed, total, percent, skipped } = report.overall
    t.diagnostic(`${file}: ${agreed}/${total} agree (${percent.toFixed(2)}%), ${skipped} not judged, lowest endpoint kind ${report.byKind[0]?.kind} ${report.byKind[0]?.percent.toFixed(1)}%`)
    for (const o of result.outcomes.filter((x) => x.skipped)) t.diagnostic(`  not judged #${o.index} ${o.recorded.title}: ${o.skipped}`)
    for (const line of disagreementLines(result)) t.diagnostic(`  ${line}`)
    if (percent < MIN_OVERALL) problems.push(`${file}: ${percent.toFixed(2)}% < ${MIN_OVERALL}%`)
  }
  const combined = agreementOf(all)
  console.log(`all 2.17.0 recordings, per endpoint kind:\n${renderAgreementTable(combined)}`)
  if (combined.overall.percent < MIN_OVERALL) problems.push(`overall ${combined.overall.percent.toFixed(2)}% < ${MIN_OVERALL}%`)
  // the same count with every disagreement explained by a cut request body held against the mock: the
  // explanation must not be what carries the threshold
  const explained = all.filter((o) => o.skipped && o.differences.length > 0).length
  const raw = (100 * combined.overall.agreed) / (combined.overall.total + explained)
  console.log(`overall ${combined.overall.agreed}/${combined.overall.total} judged; counting the ${explained} disagreements explained by cut request bodies: ${combined.overall.agreed}/${combined.overall.total + explained} = ${raw.toFixed(2)}%`)
  if (raw < MIN_OVERALL) problems.push(`overall with explained disagreements ${raw.toFixed(2)}% < ${MIN_OVERALL}%`)
  for (const k of combined.byKind.filter((x) => x.percent < MIN_PER_KIND)) problems.push(`${k.kind}: ${k.agreed}/${k.total} = ${k.percent.toFixed(1)}% < ${MIN_PER_KIND}%`)
  assert.deepEqual(problems, [])
})

test('mlflow replay › the 3.1.2.dev0 probe agrees with the 3.x mock; the 2.17.0 mock shows which version differences remain', async (t) => {
  const file = `${folder}probe-3.1.2.dev0.json`
  const v3 = await replayRecording(loadRecording(file), createMlflowService({ settings: { version: '3.1.2.dev0' } }).handle)
  assert.deepEqual(disagreementLines(v3), [], 'the 3.x mock answers like MLflow 3.1.2.dev0')
  const v2 = await replayRecording(loadRecording(file), createMlflowService({ settings: { version: '2.17.0' } }).handle)
  const remaining = disagreementLines(v2)
  for (const line of remaining) t.diagnostic(`3.x difference: ${line}`)
  // README §5: runs gain inputs (#11) and outputs (#28, #77), get-latest-versions items gain aliases (#63, #75);
  // the other listed differences are the /version body and message text, which replay does not compare
  assert.deepEqual([...new Set(remaining.map((d) => d.split(' ')[0]))], ['#11', '#28', '#63', '#75', '#77'])
})

// the fidelity check must fail on the fault it exists for: a mock that lost an endpoint, or that answers
// an empty tag list the real server omits, falls below the thresholds and is named per endpoint kind
test('mlflow replay › a mock fault drops the agreement below the thresholds and names endpoint and field', async () => {
  const { http, HttpResponse } = await import('msw')
  const { prependHandlers } = await import('../src/mocks/index.js')
  const lostEndpoint = http.post('*/api/2.0/mlflow/experiments/set-experiment-tag', () => new HttpResponse('<title>404 Not Found</title>', { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } }))
  const healthy = createMlflowService({ settings: { version: '2.17.0' } })
  // the healthy answer, with the `tags: []` MLflow omits for a model without tags
  const emptyTags = http.get('*/api/2.0/mlflow/registered-models/get', async ({ request }) => {
    const answer = await healthy.handle(request)
    const body = await answer.json() as { registered_model?: { tags?: unknown[] } }
    if (body.registered_model && !body.registered_model.tags) body.registered_model.tags = []
    return HttpResponse.json(body, { status: answer.status })
  })
  const service = prependHandlers(healthy, [lostEndpoint, emptyTags])
  const result = await replayRecording(loadRecording(`${folder}sequences-2.17.0-seed1001.json`), (r) => service.handle(r))
  const report = agreementOf(result.outcomes)
  const kind = report.byKind.find((k) => k.kind === 'POST /api/2.0/mlflow/experiments/set-experiment-tag')!
  assert.ok(report.overall.percent < MIN_OVERALL, `overall ${report.overall.percent}`)
  assert.ok(kind.percent < MIN_PER_KIND, `${kind.kind} ${kind.percent}`)
  const lines = disagreementLines(result).join('\n')
  assert.match(lines, /experiments\/set-experiment-tag: set experiment tag \[valid\]: status expected 200, actual 404/)
  assert.match(lines, /experiments\/set-experiment-tag: .*content type expected "application\/json", actual "text\/html"/)
  assert.match(lines, /registered-models\/get: .*key set missing -; extra \.registered_model\.tags\n/)
})
