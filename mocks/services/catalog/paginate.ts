// Slice-based pagination (gatewayz-catalog.md §3.6): total = len(models), then models[offset:][:limit].
// The fault switches bend it exactly the way the real incidents did (incidents.md #7).

export interface PageFaults {
  /** only the first N items are reachable; `total` still claims them all */
  cap?: number | null
  /** with cap: `total` claims only the cap, so the shrunk listing looks complete */
  capTotal?: boolean
  /** every page is page 1 */
  offsetIgnored?: boolean
  /** each page after the first starts one item early */
  overlap?: boolean
}

export interface Page<T> {
  data: T[]
  total: number
  has_more: boolean
  next_offset: number | null
}

/** Python's `items[start:]` for any integer start, negative ones counting from the end. */
function sliceFrom<T>(items: readonly T[], start: number): T[] {
  return items.slice(start < 0 ? Math.max(items.length + start, 0) : start)
}

export function paginate<T>(items: readonly T[], offset: number, limit: number, faults: PageFaults = {}): Page<T> {
  const reachable = faults.cap === undefined || faults.cap === null ? items : items.slice(0, faults.cap)
  const total = faults.capTotal ? reachable.length : items.length
  const start = faults.offsetIgnored ? 0 : faults.overlap && offset > 0 ? offset - 1 : offset
  const data = sliceFrom(reachable, start).slice(0, limit)
  // has_more is arithmetic on the offset; under a cap the real backend simply ran out of rows;
  // with overlap the next page again starts one early, so every page repeats one model
  const from = faults.overlap ? start : offset
  const has_more = from + data.length < (faults.cap === undefined || faults.cap === null ? total : reachable.length)
  return { data, total, has_more, next_offset: has_more ? from + data.length : null }
}
