import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'hf-token-missing',
  incident: 'missing-secret',
  summary: 'HUGGINGFACE_API_KEY unset on the API service: predict on model 21 answers 500 "HuggingFace token not configured".',
  settings: { api: { HUGGINGFACE_API_KEY: undefined } },
  expect: { failing: ['@serving'], message: /environment misconfigured/ },
})
