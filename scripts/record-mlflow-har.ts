// `npx tsx scripts/record-mlflow-har.ts <out.har>`: records a small MLflow flow as HAR 1.2 with a real
// browser (Debian's /usr/bin/chromium driven by Playwright's recordHar) against the 2.17.0 mock served on
// loopback HTTP. Playwright's HAR leaves out APIRequestContext traffic, so the requests are the page's own
// fetch() calls, same-origin after opening /health. Credential headers are redacted before writing.
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { createMlflowService } from '../mocks/services/mlflow/index.js'
import { serveHosts } from '../src/mocks/index.js'
import { redactHeaders } from '../src/replay/index.js'
import { freePortBase } from '../test/support/free-port-base.js'

async function main(out: string | undefined): Promise<void> {
  if (!out) throw new Error('usage: tsx scripts/record-mlflow-har.ts <out.har>')
  const served = await serveHosts({ mlflow: createMlflowService({ settings: { version: '2.17.0' } }).handle }, { portBase: await freePortBase(1) })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' })
  try {
    const context = await browser.newContext({ recordHar: { path: out, content: 'embed' } })
    const page = await context.newPage()
    await page.goto(`${served.urls.mlflow}/health`)
    await page.evaluate(FLOW)
    await context.close() // writes the HAR
  } finally {
    await browser.close()
    await served.close()
  }
  const har = JSON.parse(readFileSync(out, 'utf8')) as { log: { entries: Array<{ request: { headers: Array<{ name: string; value: string }> } }> } }
  for (const e of har.log.entries) e.request.headers = redactHeaders(e.request.headers.map((h) => [h.name, h.value])).map(([name, value]) => ({ name, value }))
  writeFileSync(out, `${JSON.stringify(har, null, 2)}\n`)
  console.log(`wrote ${out}: ${har.log.entries.length} entries`)
}

// Runs in the page, as source text (tsx would wrap a real function in helpers the page lacks); a key
// header the mock ignores shows the redaction.
const FLOW = `(async () => {
  const api = '/api/2.0/mlflow'
  const headers = { 'Content-Type': 'application/json', 'X-API-Key': 'recorded-demo-key' }
  const call = async (method, path, body) => {
    const r = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const text = await r.text()
    try { return JSON.parse(text) } catch { return text }
  }
  const { experiment_id } = await call('POST', api + '/experiments/create', { name: 'har-demo', tags: [{ key: 'team', value: 'ml' }] })
  await call('GET', api + '/experiments/get?experiment_id=' + experiment_id)
  const { run } = await call('POST', api + '/runs/create', { experiment_id, run_name: 'har-run', start_time: 1700000000000 })
  const runId = run.info.run_id
  await call('POST', api + '/runs/log-parameter', { run_id: runId, key: 'lr', value: '0.01' })
  await call('POST', api + '/runs/log-metric', { run_id: runId, key: 'loss', value: 0.5, timestamp: 1700000000001, step: 0 })
  await call('POST', api + '/runs/set-tag', { run_id: runId, key: 'stage', value: 'dev' })
  await call('GET', api + '/runs/get?run_id=' + runId)
  await call('POST', api + '/runs/search', { experiment_ids: [experiment_id], max_results: 10 })
  await call('POST', api + '/registered-models/create', { name: 'har-model' })
  await call('POST', api + '/model-versions/create', { name: 'har-model', source: 'runs:/' + runId + '/model', run_id: runId })
  await call('POST', api + '/registered-models/alias', { name: 'har-model', alias: 'champion', version: '1' })
  await call('GET', api + '/registered-models/alias?name=har-model&alias=champion')
  await call('POST', api + '/runs/update', { run_id: runId, status: 'FINISHED', end_time: 1700000000100 })
  await call('GET', api + '/experiments/get?experiment_id=987654321')
  await call('POST', api + '/runs/log-metric', { run_id: runId, key: 'loss', value: 'high', timestamp: 1 })
  await call('DELETE', api + '/registered-models/alias', { name: 'har-model', alias: 'champion' })
  await call('GET', api + '/registered-models/nope')
})()`

main(process.argv[2]).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
