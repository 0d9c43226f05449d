import { describeContract } from '../../src/index.js'

describeContract(process.env.BENCH_CONTRACT!)
