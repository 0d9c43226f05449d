// One sample of "contract load + case generation + Ajv compile", in a fresh process as a Playwright
// worker does it. Prints JSON. The YAML cache lives under the working directory, so a new empty
// directory gives a cold start and the same directory again a warm one.
//   node --import tsx bench/scale/load-time.ts <openapi.yaml> <cache-dir>
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

const [file, cacheDir] = process.argv.slice(2)
if (!file || !cacheDir) {
  console.error('usage: node --import tsx bench/scale/load-time.ts <openapi.yaml> <cache-dir>')
  process.exit(2)
}
const contractFile = resolve(file)
mkdirSync(cacheDir, { recursive: true })
process.chdir(cacheDir) // before the loader is imported: it fixes its cache directory then
const { loadContract } = await import('../../src/contract/load-contract.js')
const { generateCases } = await import('../../src/cases/generate-cases.js')
const { compileSchemas } = await import('../../src/contract/compile-schemas.js')

const t0 = performance.now()
const contract = loadContract(contractFile)
const t1 = performance.now()
const { cases } = generateCases(contract)
const t2 = performance.now()
// Every schema a run validates against: each declared response's content and each service fingerprint.
const schemas = compileSchemas(contract.documents)
const used = [
  ...contract.operations.flatMap((op) => op.responses.flatMap((r) => r.content.map((m) => m.schema))),
  ...Object.values(contract.services).map((s) => s.fingerprint),
].filter((at) => at !== undefined)
for (const at of used) schemas.validator(at)
const t3 = performance.now()
console.log(JSON.stringify({
  operations: contract.operations.length, cases: cases.length, schemaUses: used.length,
  loadMs: t1 - t0, generateMs: t2 - t1, compileMs: t3 - t2, totalMs: t3 - t0,
}))
