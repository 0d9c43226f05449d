import { resolve } from 'node:path'
import { compileSchemas, type SchemaRegistry } from '../contract/compile-schemas.js'
import type { Contract } from '../contract/contract.js'
import { loadContract } from '../contract/load-contract.js'
import type { FixedResponse } from '../checks/identify-service.js'
import { loadFixedResponses } from './load-fixed-responses.js'

/** A contract with its compiled schemas and load-balancer fingerprints: built once per worker. */
export interface ContractRuntime {
  contract: Contract
  schemas: SchemaRegistry
  fixedResponses: FixedResponse[]
}

// The per-worker cache the style guide allows: Ajv caches by schema identity, so never rebuild per test.
const loaded = new Map<string, Contract>()
const runtimes = new Map<string, ContractRuntime>()

export function contractFor(file: string): Contract {
  const key = resolve(file)
  let contract = loaded.get(key)
  if (!contract) {
    contract = loadContract(file)
    loaded.set(key, contract)
  }
  return contract
}

export function runtimeFor(file: string): ContractRuntime {
  const key = resolve(file)
  let runtime = runtimes.get(key)
  if (!runtime) {
    const contract = contractFor(file)
    runtime = { contract, schemas: compileSchemas(contract.documents), fixedResponses: loadFixedResponses(file) }
    runtimes.set(key, runtime)
  }
  return runtime
}

/** Every contract this worker has loaded: the target must satisfy all of their variables. */
export function loadedContracts(): Contract[] {
  return [...loaded.values()]
}
