import type { FullConfig } from '@playwright/test'
import { ConfigError } from '../errors.js'
import { resolveTarget } from '../targets/resolve-target.js'
import { contractFor } from './contract-runtime.js'

/**
 * One clear configuration error before any test runs, instead of the same failure in every test.
 * The built-in mock is checked by its workers instead: its key file is written after the server starts.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  if (!process.env.CONTRACT_TARGET || process.env.CONTRACT_TARGET === 'mock') return
  const files = [...new Set(config.projects.flatMap((p) => (p.use as { contracts?: string[] }).contracts ?? []))]
  try {
    resolveTarget(files.map(contractFor), process.env)
  } catch (error) {
    if (error instanceof ConfigError) error.stack = error.message // the message says it all; no stack trace
    throw error
  }
}
