import type { KeyValue } from './params.js'

/** `[{key, value}]` in insertion order, or undefined when empty: MLflow omits empty repeated fields. */
export function tagList(tags: Map<string, string>): KeyValue[] | undefined {
  return tags.size ? [...tags].map(([key, value]) => ({ key, value })) : undefined
}
