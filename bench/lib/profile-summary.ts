// Where a .cpuprofile spent its time: self time by package or file, then by function.
//   npx tsx bench/lib/profile-summary.ts bench/.out/profiles/worker0-1234.cpuprofile [top]
import { readFileSync } from 'node:fs'

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
const [file, topArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: npx tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const byPlace = new Map<string, number>()
const byFunction = new Map<string, number>()
let total = 0
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0
  total += us
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame
  const short = url.replace(/^.*node_modules\//, 'npm:').replace(/^file:\/\/.*?\/(src|mocks|specs|bench)\//, '$1/')
  const place = short.startsWith('npm:') ? short.split('/').slice(0, short.startsWith('npm:@') ? 2 : 1).join('/') : short || functionName
  byPlace.set(place, (byPlace.get(place) ?? 0) + us)
  const fn = `${functionName || '(anonymous)'} ${short.split('/').at(-1)}:${lineNumber + 1}`
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
})
const top = Number(topArg ?? 15)
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
  }
}
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`)
show('self time by package or file', byPlace)
show('self time by function', byFunction)
