/** The candidate closest to `name` by edit distance, if it is close enough to be a likely typo. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    // every word of the name in the candidate ("auth-down" → "auth-service-down") beats raw edit distance
    const words = candidate.split('-')
    const contained = name.includes('-') && name.split('-').every((word) => words.includes(word))
    const distance = contained ? 1 : editDistance(name, candidate)
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  // beyond a third of the name, a "suggestion" is noise
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}

// Levenshtein distance, one row at a time
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}
