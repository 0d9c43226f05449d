// Writes docs/ROUTING.md from contracts/*/routing.yaml and the contracts. Run: npx tsx scripts/generate-routing-doc.ts
import { existsSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadContract } from '../src/contract/load-contract.js'
import { loadRoutingFile } from '../src/routing/rule-set.js'
import { renderRoutingDoc, type RoutingDocPlatform } from '../src/routing/render-routing-doc.js'
import { toRoutedOperations } from '../src/routing/routed-operation.js'

export const ROUTING_DOC = 'docs/ROUTING.md'
export const REGENERATE_ROUTING_DOC = 'npx tsx scripts/generate-routing-doc.ts'

/** Every platform folder under `contracts/` that has both an openapi.yaml and a routing.yaml. */
export async function loadRoutingPlatforms(contractsDir = 'contracts'): Promise<RoutingDocPlatform[]> {
  const names = readdirSync(contractsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((n) => existsSync(join(contractsDir, n, 'openapi.yaml')) && existsSync(join(contractsDir, n, 'routing.yaml')))
    .sort()
  const platforms: RoutingDocPlatform[] = []
  for (const name of names) {
    const dir = `${contractsDir}/${name}`
    const routing = await loadRoutingFile(`${dir}/routing.yaml`)
    const contract = await loadContract(`${dir}/openapi.yaml`)
    platforms.push({ name, routing, operations: toRoutedOperations(contract.operations) })
  }
  return platforms
}

/** The text docs/ROUTING.md must hold. */
export async function renderRepoRoutingDoc(): Promise<string> {
  return renderRoutingDoc(await loadRoutingPlatforms(), REGENERATE_ROUTING_DOC)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await writeFile(ROUTING_DOC, await renderRepoRoutingDoc())
    console.log(`wrote ${ROUTING_DOC}`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
