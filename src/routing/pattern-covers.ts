// Glob containment for ALB patterns: does every string `narrow` matches also match `broad`?
// Used to tell a dead (fully shadowed) rule from one that merely comes later. Sound, not complete:
// a `true` is always right; exotic overlaps may answer `false`.

/** True when every request matched by pattern `narrow` is also matched by pattern `broad`. */
export function patternCovers(broad: string, narrow: string, caseInsensitive = false): boolean {
  const a = caseInsensitive ? broad.toLowerCase() : broad
  const b = caseInsensitive ? narrow.toLowerCase() : narrow
  // covers[i][j]: a[i..] covers b[j..]
  const memo = new Map<string, boolean>()
  const covers = (i: number, j: number): boolean => {
    const key = `${i},${j}`
    const known = memo.get(key)
    if (known !== undefined) return known
    let result: boolean
    if (i === a.length) result = j === b.length
    else if (a[i] === '*') result = covers(i + 1, j) || (j < b.length && covers(i, j + 1))
    else if (j === b.length) result = false
    else if (a[i] === '?') result = b[j] !== '*' && covers(i + 1, j + 1)
    else result = a[i] === b[j] && b[j] !== '*' && b[j] !== '?' && covers(i + 1, j + 1)
    memo.set(key, result)
    return result
  }
  return covers(0, 0)
}
