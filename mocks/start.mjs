// `node --enable-source-maps mocks/start.mjs`: runs mocks/server.ts as one bundled module (Playwright's
// webServer command). tsx loads each of the mock's ~200 TypeScript modules through loader hooks on
// another thread (1.2–1.7 s to listening, here); esbuild, the compiler tsx itself uses, bundles them
// in 0.1 s and the bundle listens after 0.8 s (bench/findings.md). Same sources, same behaviour as `npm run mock`.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Beside mocks/platform.ts, so its `new URL('../contracts/…', import.meta.url)` still finds the
// contracts; one file per process, since parallel runs (the fault matrix) start mocks together.
const outfile = fileURLToPath(new URL(`./.server-${process.pid}.bundle.mjs`, import.meta.url))
const remove = () => rmSync(outfile, { force: true })
process.once('exit', remove) // the server may exit while its module is still being evaluated
try {
  await build({
    entryPoints: [fileURLToPath(new URL('./server.ts', import.meta.url))],
    outfile,
    bundle: true,
    packages: 'external', // node_modules load natively, no hooks needed
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline', // stack traces name the .ts files
    logLevel: 'error',
  })
  await import(pathToFileURL(outfile).href)
} finally {
  remove() // loaded (or failed): the module lives on in memory
}
