// Conformance: replays the recorded MLflow probe transcripts (test/fixtures/mlflow-transcripts, README there)
// against a fresh mock per version through src/replay; status, error_code, key sets and stable values must agree.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { createMlflowService, type MlflowVersion } from '../mocks/services/mlflow/index.js'
import { disagreementLines, loadRecording, replayRecording, type ReplayResult } from '../src/replay/index.js'

// values that identify nothing run-specific, so they must match too (README §4 "optionally assert")
const STABLE_KEYS = ['version', 'current_stage', 'status', 'lifecycle_stage', 'name', 'next_page_token', 'file_size',
  'is_dir', 'path', 'alias', 'aliases', 'key', 'value', 'description', 'run_name', 'user_id', 'run_link', 'error_code']

async function replay(transcript: MlflowVersion, mock: MlflowVersion): Promise<ReplayResult & { disagreements: string[] }> {
  const file = fileURLToPath(new URL(`./fixtures/mlflow-transcripts/probe-${transcript}.json`, import.meta.url))
  const result = await replayRecording(loadRecording(file), createMlflowService({ settings: { version: mock } }).handle, { stableKeys: STABLE_KEYS })
  return { ...result, disagreements: disagreementLines(result) }
}

for (const version of ['2.17.0', '3.1.2.dev0'] as const) {
  test(`mlflow mock › replays the ${version} transcript exchange by exchange`, async () => {
    const { outcomes, disagreements, ids } = await replay(version, version)
    const failed = new Set(disagreements.map((d) => d.split(' ')[0]))
    console.log(`${version}: ${outcomes.length - failed.size}/${outcomes.length} exchanges agree`)
    assert.equal(outcomes.length, 97, 'the transcript holds 97 exchanges')
    assert.deepEqual(disagreements, [], `${failed.size} exchanges disagree:\n${disagreements.join('\n')}`)
    // experiment ids and versions are allocated like MLflow ("1" after "0"): only random run ids are substituted
    assert.deepEqual(ids.filter(([recorded]) => !/^[0-9a-f]{32}$/.test(recorded)), [])
    assert.equal(ids.length, 1, 'the one run id of the flow is learned')
  })
}

// the comparison itself must be able to fail: each version profile disagrees with the other transcript
// exactly where README §5 lists a key-set or body difference
test('mlflow mock › a 3.1.2.dev0 mock disagrees with the 2.17.0 transcript at the documented differences', async () => {
  const { disagreements } = await replay('2.17.0', '3.1.2.dev0')
  const exchanges = [...new Set(disagreements.map((d) => d.split(' ')[0]))]
  assert.deepEqual(exchanges, ['#11', '#28', '#63', '#75', '#77'])
  assert.match(disagreements.join('\n'), /#11 runs\/create: key set missing -; extra \.run\.inputs/)
})

test('mlflow mock › a 2.17.0 mock disagrees with the 3.1.2.dev0 transcript at the documented differences', async () => {
  const { disagreements } = await replay('3.1.2.dev0', '2.17.0')
  assert.deepEqual([...new Set(disagreements.map((d) => d.split(' ')[0]))], ['#11', '#28', '#63', '#75', '#77'])
})
