import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'duplicates-across-pages',
  incident: 'pagination-incomplete',
  summary: 'Consecutive Hugging Face pages overlap: a model of one page is repeated on the next.',
  settings: { catalog: { duplicatesAcrossPages: true } },
  expect: { scope: /@catalog/, failing: /./, message: /duplicates across pages/ },
})
