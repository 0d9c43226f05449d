// docs/ROUTING.md is generated; a stale copy fails here with the command that fixes it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { REGENERATE_ROUTING_DOC, ROUTING_DOC, renderRepoRoutingDoc } from '../../scripts/generate-routing-doc.js'

test('docs/ROUTING.md is up to date with the contracts and routing.yaml files', async () => {
  const want = await renderRepoRoutingDoc()
  const have = await readFile(ROUTING_DOC, 'utf8').catch(() => '')
  assert.ok(have === want, `${ROUTING_DOC} is stale or missing. Regenerate it: ${REGENERATE_ROUTING_DOC}`)
})

test('the routing doc is deterministic', async () => {
  assert.equal(await renderRepoRoutingDoc(), await renderRepoRoutingDoc())
})
