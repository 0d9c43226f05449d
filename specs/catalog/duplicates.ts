/** An id seen more than once, and the pages (numbered from 1) it appeared on, once per sighting. */
export interface Duplicate {
  id: string
  pages: number[]
}

/** Ids that appear twice or more, within a page or across pages, in the order first seen. */
export function findDuplicates(pages: ReadonlyArray<readonly string[]>): Duplicate[] {
  const seen = new Map<string, number[]>()
  pages.forEach((ids, i) => {
    for (const id of ids) {
      const on = seen.get(id)
      if (on) on.push(i + 1)
      else seen.set(id, [i + 1])
    }
  })
  return [...seen].filter(([, on]) => on.length > 1).map(([id, on]) => ({ id, pages: on }))
}

const SHOWN = 5

/** [1, 2, 3, 5] → "1–3, 5": a model repeated on 500 pages must not make a 500-number line. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b)
  const runs: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '))
    i = j + 1
  }
  return runs.join(', ')
}

/** "duplicates across pages: ids a (pages 1, 2), b (pages 1, 2) and 998 more"; one line per kind. */
export function describeDuplicates(duplicates: readonly Duplicate[]): string[] {
  const within = duplicates.filter((d) => new Set(d.pages).size < d.pages.length)
  const across = duplicates.filter((d) => new Set(d.pages).size > 1)
  const list = (ds: readonly Duplicate[], where: (d: Duplicate) => string): string => {
    const shown = ds.slice(0, SHOWN).map((d) => `${d.id} (${where(d)})`).join(', ')
    return ds.length > SHOWN ? `${shown} and ${ds.length - SHOWN} more` : shown
  }
  const lines: string[] = []
  if (across.length > 0) lines.push(`duplicates across pages: ids ${list(across, (d) => `pages ${pageRanges(d.pages)}`)}`)
  if (within.length > 0) lines.push(`duplicates within a page: ids ${list(within, (d) => `page ${pageRanges(repeatedPages(d))}, ${d.pages.length}×`)}`)
  return lines
}

function repeatedPages(d: Duplicate): number[] {
  return [...new Set(d.pages.filter((p, i) => d.pages.indexOf(p) !== i))]
}
