import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'schema-drift-info',
  incident: 'schema-drift',
  summary: 'Model /info serves max_batch_size as a string ("32") instead of an integer.',
  settings: { api: { infoSchemaDrift: true } },
  expect: { scope: /@serving/, failing: /info|no-keyid/, message: /schema drift: \/max_batch_size/ },
})
