import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'dotenv'
import type { Exchange, Target } from '../../src/index.js'
import type { OperationInput } from '../../src/cases/operation-case.js'
import { readCatalogConfig, type CatalogConfig } from './config.js'
import { toAnswer, type FetchPage } from './page.js'
import { createPool, type Pool } from './pool.js'

/** What every catalog test shares: its settings, one polite pool, and the pages it fetched. */
export interface CatalogKit {
  config: CatalogConfig
  live: boolean
  pool: Pool
  fetchPage: FetchPage
  /** every /v1/models exchange, for the contract check after the catalog checks */
  exchanges: Exchange[]
}

type Send = (operationId: string, input?: OperationInput) => Promise<Exchange>

/**
 * CATALOG_* are not contract variables, so resolveTarget does not carry them; read them with the
 * same precedence it documents: process environment first, then the target's .env files.
 */
export function catalogEnv(target: Target, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const fromFiles: Record<string, string> = {}
  for (const file of [...target.files].reverse()) Object.assign(fromFiles, parse(readFileSync(resolve(file))))
  const fromEnv = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('CATALOG_') && v !== undefined && v !== ''))
  return { ...fromFiles, ...fromEnv }
}

export function createCatalogKit(send: Send, target: Target, env: Record<string, string | undefined>): CatalogKit {
  const live = target.name !== 'mock'
  const config = readCatalogConfig(catalogEnv(target, env), live)
  const pool = createPool({ concurrency: config.concurrency })
  const exchanges: Exchange[] = []
  const fetchPage: FetchPage = (gateway, offset, limit) =>
    pool.request(async () => {
      const x = await send('getModels', { query: { gateway, limit, offset }, expect: [200], name: `gateway=${gateway} offset=${offset}` })
      exchanges.push(x)
      const r = x.response
      return toAnswer(r.status, r.headers, r.json, r.text)
    })
  return { config, live, pool, fetchPage, exchanges }
}
