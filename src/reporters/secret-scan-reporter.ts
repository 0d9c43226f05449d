import type { FullResult, Reporter } from '@playwright/test/reporter'
import { scanArtifacts } from '../secrets/scan-artifacts.js'
import { readTargetFiles, secretValues } from '../targets/resolve-target.js'

export interface SecretScanOptions {
  /** Artifact folders to scan after the other reporters have written them. */
  roots?: string[]
}

/**
 * The second net: after the run, every artifact byte (HTML report, JUnit, JSON, blobs, traces, archives
 * opened) is searched for every configured secret; a hit fails the run, naming the file, never the value.
 */
export default class SecretScanReporter implements Reporter {
  private readonly roots: string[]

  constructor(options: SecretScanOptions = {}) {
    this.roots = options.roots ?? ['playwright-report', 'test-results', 'reports', 'blob-report']
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const secrets = secretValues(readTargetFiles(process.env).values, process.env)
    const { files, findings } = scanArtifacts(this.roots, secrets)
    if (findings.length === 0) {
      process.stdout.write(`secret scan: ${files} artifact files, no configured secret found\n`)
      return undefined
    }
    process.stdout.write(`contractwright: a configured secret reached ${findings.length} artifact(s); remove them and find the unredacted source:\n`
      + findings.map((f) => `  ${f.file} (${f.form} form of secret #${f.secretIndex + 1})`).join('\n') + '\n')
    return result.status === 'passed' ? { status: 'failed' } : undefined
  }

  printsToStdio(): boolean {
    return false
  }
}
