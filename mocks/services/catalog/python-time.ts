/** Python's `datetime.now(timezone.utc).isoformat()`: microseconds and `+00:00` (or `Z`, as the error handler writes). */
export function pythonTimestamp(date: Date = new Date(), suffix: '+00:00' | 'Z' = '+00:00'): string {
  return `${date.toISOString().slice(0, 23)}000${suffix}`
}
