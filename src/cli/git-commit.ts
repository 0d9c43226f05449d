import { execFileSync } from 'node:child_process'

/** The commit the suite ran from; CI checkouts without history fall back to GITHUB_SHA. */
export function gitCommit(env: NodeJS.ProcessEnv, cwd = process.cwd()): { sha: string; dirty: boolean } | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  try {
    const sha = git('rev-parse', 'HEAD')
    // tracked changes only: untracked reports and env files are not part of what was tested
    return { sha, dirty: git('status', '--porcelain', '--untracked-files=no') !== '' }
  } catch {
    return env.GITHUB_SHA ? { sha: env.GITHUB_SHA, dirty: false } : undefined
  }
}
