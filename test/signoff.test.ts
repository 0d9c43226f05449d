import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { buildSignoff, parseWaivers, renderSignoffMarkdown, type JsonReport, type SignoffContract, type Waiver } from '../src/signoff/index.js'

// Shaped like Playwright's JSON reporter output (reports/results.json), annotations as the fixtures write them.
type Row = { title: string; tags: string[]; status: 'passed' | 'failed' | 'skipped'; caseId?: string; op?: string; legacy?: boolean; http?: number; incident?: string; error?: string; skip?: string; untestable?: string }
function report(rows: Row[], errors: string[] = []): JsonReport {
  const specs = rows.map((r) => {
    const annotations = [
      ...(r.caseId ? [{ type: 'case', description: r.caseId }] : []),
      ...(r.untestable ? [{ type: 'untestable', description: r.untestable }] : []),
      ...(r.skip ? [{ type: 'skip', description: r.skip }] : []),
      ...(r.op && !r.legacy ? [{ type: 'cw-operation', description: `./contracts/tiny/openapi.yaml#${r.op}` }] : []),
      // older runs named the contract by title and had no cw-operation: the generated title still maps them
      ...(r.op && r.http ? [{ type: 'cw-exchange', description: JSON.stringify({ contract: r.legacy ? 'Tiny pets' : 'contracts/tiny/openapi.yaml', operationId: r.op, status: r.http }) }] : []),
      ...(r.incident ? [{ type: 'incident', description: r.incident }] : []),
    ]
    const errs = r.error ? [{ message: `Error: ${r.title}\n\u001b[31m${r.error}\u001b[39m\n\n  check      not_a_server_error\n  expected   200\n  actual     500 application/json` }] : []
    return {
      title: r.title, tags: r.tags,
      tests: [{ projectName: 'contract', annotations, status: r.status === 'passed' ? 'expected' as const : r.status === 'failed' ? 'unexpected' as const : 'skipped' as const,
        results: [{ status: r.status, duration: 12, errors: errs, annotations }] }],
    }
  })
  return { suites: [{ title: 'contract.spec.ts', specs }], errors: errors.map((message) => ({ message })), stats: { startTime: '2026-11-23T10:00:00.000Z', duration: 83_400 } }
}

const contract: SignoffContract = {
  file: 'contracts/tiny/openapi.yaml', title: 'Tiny pets', version: '1.0.0', hash: 'a'.repeat(64),
  operations: [
    { id: 'getHealth', method: 'GET', path: '/health', statuses: ['200'] },
    { id: 'getPet', method: 'GET', path: '/pets/{pet_id}', statuses: ['200', '401', '404'] },
    { id: 'createPet', method: 'POST', path: '/pets', statuses: ['201', '401', '422'] },
  ],
  titles: { 'pets › GET /health › 200 conforms': 'getHealth', 'pets › GET /pets/{pet_id} › 200 conforms': 'getPet', 'pets › POST /pets › 201 conforms': 'createPet' },
}
const health: Row = { title: 'pets › GET /health › 200 conforms', tags: ['health', 'readonly'], status: 'passed', caseId: 'getHealth:positive:default', op: 'getHealth', http: 200, legacy: true }
const pet: Row = { title: 'pets › GET /pets/{pet_id} › 200 conforms', tags: ['serving', 'readonly'], status: 'passed', caseId: 'getPet:positive:rex', op: 'getPet', http: 200 }
const petBroken: Row = { ...pet, status: 'failed', http: 500, incident: 'missing-secret: environment misconfigured: PETS_DB_TOKEN missing on the server', error: 'Server error' }
const createSkipped: Row = { title: 'pets › POST /pets › 201 conforms', tags: ['mutating'], status: 'skipped', caseId: 'createPet:positive:created', op: 'createPet', skip: 'not run: read-only target' }
const now = new Date('2026-11-23T12:00:00Z')
const waiver = (w: Partial<Waiver>): Waiver => ({ test: 'getPet:positive:rex', incident: undefined, reason: 'PETS-12 fix ships Monday', owner: 'pets-team', expires: '2026-11-30', ...w })
const signoff = (rows: Row[], waivers: Waiver[] = [], errors: string[] = []) => buildSignoff({
  target: { name: 'mock', baseUrls: { pets: 'http://127.0.0.1:4110' } }, commit: { sha: 'f'.repeat(40), dirty: false },
  contracts: [contract], report: report(rows, errors), results: 'reports/results.json', waivers, now,
})

describe('sign-off', () => {
  it('reads GO on a clean run, with verdicts per area and operation', () => {
    const s = signoff([health, pet, createSkipped])
    assert.equal(s.verdict, 'GO')
    assert.deepEqual(s.reasons, [])
    assert.equal(s.summary, 'GO: 3 tests, 2 passed, 0 failed, 1 not run')
    assert.equal(s.areas.find((a) => a.name === 'serving')?.verdict, 'passed')
    assert.match(s.areas.find((a) => a.name === 'catalog')?.why ?? '', /no test tagged @catalog/)
    const create = s.operations.find((o) => o.operationId === 'createPet')!
    assert.deepEqual([create.verdict, create.why], ['not run', 'not run: read-only target'])
    assert.deepEqual(s.coverage, { operations: { covered: 2, total: 3 }, statuses: { covered: 2, total: 7 } })
    assert.deepEqual(s.operations.find((o) => o.operationId === 'getPet')?.statuses, { declared: ['200', '401', '404'], observed: ['200'], missing: ['401', '404'] })
    assert.match(renderSignoffMarkdown(s), /^# Release sign-off: mock — GO\n/)
  })

  it('reads NO-GO on a failure and names its incident and first message line', () => {
    const s = signoff([health, petBroken])
    assert.equal(s.verdict, 'NO-GO')
    assert.deepEqual(s.reasons, ['1 failure without a valid waiver: missing-secret ×1'])
    assert.equal(s.failures[0]!.incident?.id, 'missing-secret')
    assert.equal(s.failures[0]!.message, 'Server error: expected 200, got 500 application/json') // not the echoed title, no ANSI
    assert.equal(s.operations.find((o) => o.operationId === 'getPet')?.why, 'missing-secret: environment misconfigured: PETS_DB_TOKEN missing on the server')
    const md = renderSignoffMarkdown(s)
    assert.match(md, /## Why NO-GO\n\n- 1 failure without a valid waiver: missing-secret ×1/)
    assert.match(md, /1\. \*\*missing-secret\*\* · `pets › GET \/pets\/\{pet_id\} › 200 conforms`/)
  })

  it('a failure under a valid waiver reads GO and lists the waiver', () => {
    const s = signoff([health, petBroken], [waiver({ incident: 'missing-secret' }), waiver({ test: 'getHealth:positive:default' })])
    assert.equal(s.verdict, 'GO')
    assert.equal(s.summary, 'GO: 2 tests, 1 passed, 1 failed (1 waived), 0 not run')
    assert.equal(s.waivers.applied.length, 1)
    assert.equal(s.waivers.unused[0]!.test, 'getHealth:positive:default')
    assert.equal(s.areas.find((a) => a.name === 'serving')?.verdict, 'passed with waivers')
    assert.match(renderSignoffMarkdown(s), /waived until 2026-11-30 by pets-team: PETS-12 fix ships Monday/)
  })

  it('an expired waiver no longer counts: NO-GO, saying so', () => {
    const s = signoff([health, petBroken], [waiver({ expires: '2026-11-22' })])
    assert.equal(s.verdict, 'NO-GO')
    assert.match(s.reasons[1] ?? '', /had a waiver that expired \(2026-11-22\)/)
    assert.equal(s.waivers.expired.length, 1)
    assert.equal(signoff([petBroken], [waiver({ expires: '2026-11-23' })]).verdict, 'GO', 'valid through the last day (UTC)')
  })

  it('a waiver for one incident does not silence another', () => {
    assert.equal(signoff([petBroken], [waiver({ incident: 'schema-drift' })]).verdict, 'NO-GO')
    assert.equal(signoff([petBroken], [waiver({ test: pet.title })]).verdict, 'GO', 'a full title names a test too')
  })

  it('reads NO-GO when the run broke outside tests or nothing ran', () => {
    assert.match(signoff([health], [], ['Error: Timed out waiting 30000ms from config.webServer.\n at ...']).reasons[0]!, /outside tests: Error: Timed out waiting/)
    assert.deepEqual(signoff([createSkipped]).reasons, ['no test ran'])
  })

  it('reports untestable operations as not run, with why', () => {
    const untestable: Row = { title: 'pets › POST /pets › untestable', tags: [], status: 'skipped', untestable: 'contracts/tiny/paths/pets.yaml#/~1pets/post: no usable example', skip: 'untestable: no usable example' }
    const s = buildSignoff({ target: { name: 'mock', baseUrls: {} }, commit: undefined, contracts: [{ ...contract, titles: { ...contract.titles, [untestable.title]: 'createPet' } }],
      report: report([health, untestable]), results: 'r.json', waivers: [], now })
    assert.equal(s.operations.find((o) => o.operationId === 'createPet')?.why, 'untestable: no usable example')
  })
})

describe('signoff-waivers.yaml', () => {
  it('lists every problem at once', () => {
    assert.throws(() => parseWaivers('waivers:\n  - test: x\n    expires: soon\n    color: red\n', 'w.yaml'), (e: Error) =>
      /4 problems/.test(e.message) && /`reason` is required/.test(e.message) && /`owner` is required/.test(e.message)
      && /must be a date YYYY-MM-DD, got "soon"/.test(e.message) && /unknown field color/.test(e.message))
    assert.throws(() => parseWaivers('waivers:\n  - { test: x, reason: r, owner: o }\n', 'w.yaml'), /a waiver without an end silences the suite forever/)
  })

  it('the repository file parses: one valid and one expired example, on tests that pass today', () => {
    const waivers = parseWaivers(readFileSync('signoff-waivers.yaml', 'utf8'), 'signoff-waivers.yaml')
    assert.ok(waivers.every((w) => w.test && w.owner && w.reason && /^\d{4}-\d{2}-\d{2}$/.test(w.expires)))
  })
})
