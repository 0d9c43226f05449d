import type { Listener } from '../rule-set.js'

/** Which kind of file the rules were read from (detected by content, not by name). */
export type RulesFormat = 'routing.yaml' | 'aws' | 'terraform' | 'ingress'

/**
 * Rules as deployed, before target groups are mapped to services: each rule's and default's
 * `target` is the deployed name (an AWS target group, a Terraform resource, an Ingress backend).
 */
export interface ImportedRules {
  format: RulesFormat
  /** the file or folder read, for messages */
  source: string
  listeners: Listener[]
  /** things that were read but are not modelled (a weighted split, an unmodelled condition), one line each */
  warnings: string[]
}

/** Collects every problem of one input before failing, so a user fixes them in one pass. */
export class Problems {
  readonly list: string[] = []
  add(pointer: string, problem: string): void {
    this.list.push(`${pointer || '(top level)'}: ${problem}`)
  }
}

export type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
