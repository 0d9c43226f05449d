import { describeContract } from '../src/index.js'

// One line per contract: every operation gets its generated cases.
describeContract('contracts/hokusai/openapi.yaml')
describeContract('contracts/gatewayz/openapi.yaml')
