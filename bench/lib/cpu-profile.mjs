// Preloaded with `npm run bench -- --profile`: every Node process of a measured run writes a
// .cpuprofile (Chrome DevTools format) to BENCH_PROFILE_DIR on exit. Node refuses --cpu-prof in
// NODE_OPTIONS, which is the only way to reach Playwright's workers and the webServer; this is the
// same profiler through node:inspector.
import { Session } from 'node:inspector'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.env.BENCH_PROFILE_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.start')
  let written = false
  const write = () => {
    if (written) return
    written = true
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      const role = process.env.TEST_WORKER_INDEX !== undefined ? `worker${process.env.TEST_WORKER_INDEX}` : 'process'
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  }
  process.on('exit', write)
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => { write(); process.exit(0) })
}
