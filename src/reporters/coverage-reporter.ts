import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { loadContract } from '../contract/load-contract.js'
import { computeCoverage, type ContractCoverage, type CoverageObservation } from '../coverage/coverage.js'
import { renderCoverage } from '../coverage/render-coverage.js'

export interface CoverageOptions {
  /** Fail the run below this share of selected operations exercised (0..1). Default 1. */
  minOperationCoverage?: number
  outputFile?: string
}

/** Every operation × declared status, exercised or not; fails the run when an operation had no executed case. */
export default class CoverageReporter implements Reporter {
  private readonly observations: CoverageObservation[] = []
  private contracts: string[] = []
  private readonly min: number
  private readonly outputFile: string

  constructor(options: CoverageOptions = {}) {
    this.min = options.minOperationCoverage ?? 1
    this.outputFile = options.outputFile ?? 'reports/coverage.json'
  }

  onBegin(config: FullConfig): void {
    const files = config.projects.flatMap((p) => ((p.use as { contracts?: string[] }).contracts ?? []))
    this.contracts = [...new Set(files)]
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const notes = [...test.annotations, ...result.annotations]
    this.observations.push({
      operations: notes.filter((a) => a.type === 'cw-operation').map((a) => a.description ?? ''),
      exchanges: notes.filter((a) => a.type === 'cw-exchange').map((a) => JSON.parse(a.description ?? '{}')),
      heldBack: notes.some((a) => a.type === 'skip' && a.description === 'not run: read-only target'),
      untestable: notes.some((a) => a.type === 'untestable'),
    })
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const coverage: ContractCoverage[] = this.contracts.map((file) => computeCoverage(file, loadContract(file), this.observations))
    mkdirSync(dirname(this.outputFile), { recursive: true })
    writeFileSync(this.outputFile, JSON.stringify({ minOperationCoverage: this.min, contracts: coverage }, null, 2))
    const { text, failing } = renderCoverage(coverage, this.min)
    if (text) process.stdout.write(`\n${text}\n`)
    if (failing && result.status === 'passed') return { status: 'failed' }
    return undefined
  }

  printsToStdio(): boolean {
    return false
  }
}
