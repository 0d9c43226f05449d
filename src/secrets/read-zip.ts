import { inflateRawSync } from 'node:zlib'

/**
 * The entries of a zip archive (stored or deflated), read from its central directory. Enough to scan
 * Playwright's HTML report and traces, which are zips; a malformed archive yields what could be read.
 */
export function readZip(buffer: Buffer): Array<{ name: string; data: Buffer }> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > buffer.length) return []
  const count = buffer.readUInt16LE(end + 10)
  let offset = buffer.readUInt32LE(end + 16)
  const entries: Array<{ name: string; data: Buffer }> = []
  for (let i = 0; i < count && offset + 46 <= buffer.length && buffer.readUInt32LE(offset) === 0x02014b50; i++) {
    const method = buffer.readUInt16LE(offset + 10)
    const size = buffer.readUInt32LE(offset + 20)
    const nameLength = buffer.readUInt16LE(offset + 28)
    const extra = buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32)
    const local = buffer.readUInt32LE(offset + 42)
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    offset += 46 + nameLength + extra
    if (local + 30 > buffer.length) continue
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const raw = buffer.subarray(start, start + size)
    try {
      entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw })
    } catch {
      entries.push({ name, data: raw })
    }
  }
  return entries
}
