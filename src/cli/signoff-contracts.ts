import { generateCases } from '../cases/generate-cases.js'
import type { Contract } from '../contract/contract.js'
import type { SignoffContract } from '../signoff/signoff.js'

/** What the sign-off needs of a loaded contract: its stamp, its operations and the titles of its generated tests. */
export function signoffContract(contract: Contract): SignoffContract {
  const { cases, untestable } = generateCases(contract)
  const titles: Record<string, string> = {}
  for (const c of cases) if (c.operationId !== undefined) titles[c.title] = c.operationId
  for (const u of untestable) titles[u.title] = u.operationId
  return {
    file: contract.file,
    title: contract.title,
    version: contract.version,
    hash: contract.hash,
    operations: contract.operations.map((op) => ({ id: op.id, method: op.method, path: op.path, statuses: op.responses.map((r) => r.status) })),
    titles,
  }
}
