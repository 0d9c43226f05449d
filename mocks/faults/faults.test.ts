import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { faults } from './index.js'
import { renderFaultsDoc } from './render-faults-doc.js'

// style.md §5; every incident class of incidents.md has at least one fault that produces it
const incidentIds = ['not-routed', 'misrouted', 'missing-secret', 'registration-broken', 'deploy-mismatch', 'alias-broken',
  'pagination-incomplete', 'model-missing', 'auth-regression', 'schema-drift', 'dependency-down']

test('fault names are unique and every incident id is a known one', () => {
  assert.equal(new Set(faults.map((f) => f.name)).size, faults.length)
  for (const fault of faults) assert.ok(incidentIds.includes(fault.incident), `${fault.name}: unknown incident ${fault.incident}`)
})

test('every incident class has a fault', () => {
  const covered = new Set(faults.map((f) => f.incident))
  assert.deepEqual(incidentIds.filter((id) => !covered.has(id)), [])
})

test('each fault changes one kind of thing, as its incident did', () => {
  for (const fault of faults) {
    const kinds = [fault.routing !== undefined, fault.down.length > 0, Object.keys(fault.settings).length > 0,
      Object.keys(fault.handlers).length > 0].filter(Boolean).length
    // a routing fault may also say what the target its rule now reaches answers (alb-shadow-mlflow)
    const routedTarget = fault.routing !== undefined && kinds === 2 && Object.keys(fault.handlers).length > 0
    assert.ok(kinds === 1 || routedTarget, fault.name)
  }
})

test('mocks/FAULTS.md is up to date (regenerate: npx tsx mocks/faults/render-faults-doc.ts > mocks/FAULTS.md)', () => {
  const onDisk = readFileSync(new URL('../FAULTS.md', import.meta.url), 'utf8')
  assert.equal(onDisk, renderFaultsDoc())
})
