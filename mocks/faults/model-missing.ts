import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'model-missing',
  incident: 'model-missing',
  summary: 'katanemo/Arch-Router-1.5B is registered upstream yet absent from every catalog page, and chat on it gets the unknown-model answer (400 model_not_priced at head).',
  settings: { catalog: { missingModels: ['katanemo/Arch-Router-1.5B'] } },
  expect: { scope: /@catalog/, failing: /./, message: /required model missing from gateway hug: katanemo\/Arch-Router-1.5B/ },
})
