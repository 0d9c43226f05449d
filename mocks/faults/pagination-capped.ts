import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'pagination-capped',
  incident: 'pagination-incomplete',
  summary: 'Only the first 101 Hugging Face models are reachable by paging, while total still claims the full count.',
  settings: { catalog: { paginationCap: 101 } },
  expect: { scope: /@catalog/, failing: /./, message: /pagination incomplete: reached 101 of 1204/ },
})
