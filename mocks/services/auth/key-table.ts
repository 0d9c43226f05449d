import { createHash, randomBytes } from 'node:crypto'
import { principalNames, type PrincipalName } from './principals.js'

/** principal → synthetic key, e.g. { admin: 'cw-mock-admin-3f9a1c2e', … } */
export type KeyTable = Readonly<Record<PrincipalName, string>>

/**
 * Generates one obviously synthetic key per principal. A seed makes the table reproducible
 * (tests); without one every server start gets fresh keys, so no key outlives its mock.
 */
export function createKeyTable(seed: string = randomBytes(8).toString('hex')): KeyTable {
  const entries = principalNames.map((name) => {
    const suffix = createHash('sha256').update(`${seed}:${name}`).digest('hex').slice(0, 8)
    return [name, `cw-mock-${name}-${suffix}`] as const
  })
  return Object.freeze(Object.fromEntries(entries) as Record<PrincipalName, string>)
}

/** The principal a key belongs to, if any. */
export function principalOfKey(keys: KeyTable, key: string): PrincipalName | undefined {
  return principalNames.find((name) => keys[name] === key)
}
