import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'offset-ignored',
  incident: 'pagination-incomplete',
  summary: 'Hugging Face pages ignore offset: every page repeats page 1.',
  settings: { catalog: { offsetIgnored: true } },
  expect: { scope: /@catalog/, failing: /./, message: /offset ignored: page 2 repeats page 1/ },
})
