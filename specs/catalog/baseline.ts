import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ConfigError } from '../../src/errors.js'

/** One target's recorded catalog: models per gateway (the registry id) when it was known good. */
export interface Baseline {
  recorded: string
  gateways: Record<string, number>
}

interface BaselineFile {
  about?: string
  targets: Record<string, Baseline>
}

const ABOUT = 'Per-gateway model counts the catalog suite compares each run with (CATALOG_MAX_DROP). Rewrite: npm run catalog:baseline (CONTRACT_TARGET=<target>)'

/** The file's baselines by target; a missing file is empty, a malformed one names the file and the pointer. */
export function readBaselines(file: string): Record<string, Baseline> {
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`${file}: not JSON (${(error as Error).message}); rewrite it with npm run catalog:baseline`)
  }
  const problems: string[] = []
  const targets = (parsed as BaselineFile | null)?.targets
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) problems.push('/targets must be an object of target name → baseline')
  else {
    for (const [name, b] of Object.entries(targets)) {
      if (typeof b?.recorded !== 'string') problems.push(`/targets/${name}/recorded must be a date string`)
      if (typeof b?.gateways !== 'object' || b.gateways === null) problems.push(`/targets/${name}/gateways must be an object of gateway → model count`)
      else for (const [g, n] of Object.entries(b.gateways)) if (!Number.isInteger(n) || (n as number) < 0) problems.push(`/targets/${name}/gateways/${g} must be a non-negative integer`)
    }
  }
  if (problems.length > 0) throw new ConfigError(`${file} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  return targets as Record<string, Baseline>
}

/** Records one target's counts, keeping every other target's; keys sorted so diffs stay small. */
export function writeBaseline(file: string, target: string, gateways: Record<string, number>, now = new Date()): Baseline {
  const targets = readBaselines(file)
  const baseline = { recorded: now.toISOString().slice(0, 10), gateways: Object.fromEntries(Object.entries(gateways).sort(([a], [b]) => a.localeCompare(b))) }
  targets[target] = baseline
  const sorted = Object.fromEntries(Object.entries(targets).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(file, `${JSON.stringify({ about: ABOUT, targets: sorted }, null, 2)}\n`)
  return baseline
}
