import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'alias-broken',
  incident: 'alias-broken',
  summary: 'After the hug → huggingface slug rename, both ?gateway=hug and ?gateway=huggingface answer 404 {"detail":"Not Found"}.',
  settings: { catalog: { aliasBroken: true } },
  expect: { scope: /@catalog/, failing: /./, message: /alias broken/ },
})
