import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'catalog-shrunk',
  incident: 'pagination-incomplete',
  summary: 'The Hugging Face listing is capped at 101 models and its total says 101 too, so paging looks complete; the status endpoint and the gateway=all listing still count 1204.',
  settings: { catalog: { paginationCap: 101, paginationCapTotal: true } },
  // Arch-Router sits beyond the first 101, so the required-model check fails too, in its own words
  expect: { scope: /@catalog/, failing: /./, message: /catalog shrank: gateway huggingface reports total 101 .*fewer than 1204|required model missing from gateway hug: katanemo\/Arch-Router-1.5B \(absent from all 101 models\)/ },
})
