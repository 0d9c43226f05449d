import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'hf-token-missing',
  incident: 'missing-secret',
  summary: 'HUGGINGFACE_API_KEY unset on the API service: predict on model 21 answers 500 "HuggingFace token not configured".',
  settings: { api: { HUGGINGFACE_API_KEY: undefined } },
  expect: { scope: /\/predict|model 2[17]|model 30/, failing: /model 21 › predict|\/predict › (200 conforms \[model21\]|200 with the key in)/, message: /environment misconfigured: HUGGINGFACE_API_KEY missing on the server/ },
})
