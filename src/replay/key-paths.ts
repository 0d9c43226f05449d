/**
 * Key paths of a JSON value as README §4 of the MLflow transcripts defines them: `.a.b` for nested keys,
 * `.a[].b` for keys of array elements (the union over all elements). Equal sets catch a missing key and
 * an extra one alike, e.g. an empty `tags: []` the real server omits.
 */
export function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((element) => keyPaths(element, `${prefix}[]`, out))
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(`${prefix}.${key}`)
      keyPaths(child, `${prefix}.${key}`, out)
    }
  }
  return out
}

/** Leaf values (and arrays of scalars) under the given keys, per key path, sorted so array order does not matter. */
export function valuesAt(value: unknown, keys: ReadonlySet<string>, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(value)) value.forEach((element) => valuesAt(element, keys, `${prefix}[]`, out))
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = `${prefix}.${key}`
      if (keys.has(key) && (typeof child !== 'object' || child === null || Array.isArray(child))) {
        out.set(path, [...(out.get(path) ?? []), JSON.stringify(child)].sort())
      } else valuesAt(child, keys, path, out)
    }
  }
  return out
}
