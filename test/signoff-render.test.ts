// The sign-off must read well as a page: render its Markdown the way GitHub would (the subset the
// renderer writes), screenshot it in headless Chromium, and check what a reader would trip over.
// The PNGs land in reports/signoff-render/ for a human look.
import assert from 'node:assert/strict'
import { existsSync, mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { chromium } from '@playwright/test'
import { buildSignoff, renderSignoffMarkdown, type JsonReport, type SignoffContract } from '../src/signoff/index.js'

const CHROMIUM = '/usr/bin/chromium'
const OUT = 'reports/signoff-render'

/** The Markdown subset renderSignoffMarkdown writes: headings, tables, lists, code, bold, emphasis, inline HTML. */
function markdownToHtml(md: string): string {
  const inline = (s: string) => s
    .replace(/`([^`]*)`/g, (_, c: string) => `<code>${c.replace(/\\\|/g, '|').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</code>`)
    .replace(/\\([\\`*_[\]<>|#])/g, (_, c: string) => `&#${c.charCodeAt(0)};`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<em>$2</em>')
  const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.trim())
  const lines = md.split('\n')
  const html: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heading = /^(#{1,3}) (.*)$/.exec(line)
    if (heading) html.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`)
    else if (line.startsWith('| ')) {
      const head = cells(line)
      const rows: string[][] = []
      for (i += 2; lines[i]?.startsWith('| '); i++) rows.push(cells(lines[i]!))
      i--
      html.push(`<table><thead><tr>${head.map((h) => `<th>${inline(h)}</th>`).join('')}</tr></thead><tbody>`
        + rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>')
    } else if (/^(\d+\.|-) /.test(line)) {
      const ordered = /^\d/.test(line)
      const items: string[] = []
      for (; /^(\d+\.|-) /.test(lines[i] ?? '') || (items.length > 0 && /^ {3}\S/.test(lines[i] ?? '')); i++) {
        if (/^ {3}\S/.test(lines[i]!)) items[items.length - 1] += ` ${lines[i]!.trim()}`
        else items.push(lines[i]!.replace(/^(\d+\.|-) /, ''))
        if (ordered && lines[i + 1] === '' && /^\d+\. /.test(lines[i + 2] ?? '')) i++ // a loose list continues after a blank line
      }
      i--
      html.push(`<${ordered ? 'ol' : 'ul'}>${items.map((it) => `<li>${inline(it)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`)
    } else if (line.trim() !== '') html.push(`<p>${inline(line)}</p>`)
  }
  return html.join('\n')
}

// GitHub's Markdown look, close enough to judge layout and legibility.
const CSS = `body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 980px; margin: 24px auto; padding: 0 32px; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h1 { font-size: 2em; } h2 { font-size: 1.5em; margin-top: 24px; } h3 { font-size: 1.25em; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; } code { font: 85% ui-monospace, "DejaVu Sans Mono", monospace; background: #eff1f3; padding: .2em .4em; border-radius: 6px; white-space: break-spaces; }
li + li { margin-top: .5em; } sub { color: #59636e; }`

const contract: SignoffContract = {
  file: 'contracts/tiny/openapi.yaml', title: 'Tiny pets', version: '1.0.0', hash: '6ba3a47ab54ff153674a65ccbbfe19514b51519ad3a638f8bb333d02499b169b',
  operations: [
    { id: 'getHealth', method: 'GET', path: '/health', statuses: ['200'] },
    { id: 'getPet', method: 'GET', path: '/pets/{pet_id}', statuses: ['200', '401', '404'] },
    { id: 'createPet', method: 'POST', path: '/pets', statuses: ['201', '401', '422'] },
  ],
  titles: {},
}
const test = (title: string, caseId: string, tags: string[], status: 'expected' | 'unexpected' | 'skipped', http: number, extra: Array<{ type: string; description: string }> = [], error?: string, op = caseId.split(':')[0]) => ({
  title, tags, tests: [{ projectName: 'contract', status, annotations: [{ type: 'case', description: caseId }, { type: 'cw-operation', description: `${contract.file}#${op}` }, ...extra],
    results: [{ annotations: status === 'skipped' ? [] : [{ type: 'cw-exchange', description: JSON.stringify({ contract: contract.file, operationId: op, status: http }) }], errors: error ? [{ message: error }] : [] }] }],
})
const report = (fault: boolean): JsonReport => ({
  stats: { startTime: '2026-11-23T09:00:00.000Z', duration: 94_000 },
  suites: [{ title: 'pets.spec.ts', specs: [
    test('pets › GET /health › 200 conforms', 'getHealth:positive:default', ['health', 'readonly'], 'expected', 200),
    fault
      ? test('pets › GET /pets/{pet_id} › 200 conforms [rex]', 'getPet:positive:rex', ['serving', 'readonly'], 'unexpected', 500, [{ type: 'incident', description: 'missing-secret: environment misconfigured: PETS_DB_TOKEN missing on the server' }],
        'Error: pets › GET /pets/{pet_id} › 200 conforms [rex]\nServer error (2 failures)\n\n  check      not_a_server_error\n  expected   200 (declared: 200, 401, 404)\n  actual     500 application/json')
      : test('pets › GET /pets/{pet_id} › 200 conforms [rex]', 'getPet:positive:rex', ['serving', 'readonly'], 'expected', 200),
    test('pets › GET /pets/{pet_id} › 401 without credentials', 'getPet:auth:none', ['serving', 'auth'], 'unexpected', 200, [{ type: 'incident', description: 'auth-regression: security: operation getPet accepts unauthenticated requests' }],
      'Error: pets › GET /pets/{pet_id} › 401 without credentials\nAccepted without valid credentials\n  expected   401\n  actual     200 application/json'),
    test('pets › POST /pets › 201 conforms', 'createPet:positive:created', ['mutating'], 'skipped', 0, [{ type: 'skip', description: 'not run: read-only target' }]),
  ] }],
})
const waivers = [
  { test: 'getPet:auth:none', incident: 'auth-regression', reason: 'PETS-42: public read of pets ships with the catalog launch; auth returns in 1.1', owner: 'pets-team', expires: '2026-12-15' },
  { test: 'getHealth:positive:default', incident: undefined, reason: 'Example: health body change (OPS-000)', owner: 'platform-oncall', expires: '2026-10-31' },
]

describe('sign-off page', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent: apt-get install -y chromium` }, () => {
  for (const [name, fault] of [['go', false], ['no-go', true]] as const) {
    it(`reads well as a page (${name})`, async () => {
      const s = buildSignoff({ target: { name: 'staging', baseUrls: { pets: 'https://pets.staging.example.test' } }, commit: { sha: 'b3e53f9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', dirty: false },
        contracts: [contract], report: report(fault), results: 'reports/results.json', waivers, now: new Date('2026-11-23T09:02:00Z') })
      assert.equal(s.verdict, fault ? 'NO-GO' : 'GO')
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true })
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${markdownToHtml(renderSignoffMarkdown(s))}</body></html>`)
        mkdirSync(OUT, { recursive: true })
        await page.screenshot({ path: `${OUT}/signoff-${name}.png`, fullPage: true })
        assert.equal(await page.locator('h1').innerText(), `Release sign-off: staging — ${s.verdict}`)
        assert.ok(await page.locator('table').count() >= 5, 'areas, waivers, target, contracts, operations are tables')
        const text = await page.locator('body').innerText()
        // Markdown that failed to render shows up as literal syntax
        assert.doesNotMatch(text, /\*\*|\| ---|\\[|_*`]|<\/?(sub|br)>/)
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling')
        assert.equal(await page.locator('ol > li').count(), s.failures.length)
      } finally {
        await browser.close()
      }
    })
  }
})
