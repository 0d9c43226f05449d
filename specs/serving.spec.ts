import { HOKUSAI, operation, requestExample, responseExample } from './support/engine.js'
import { expect, test } from './support/fixtures.js'
import { probePath } from './support/path-classes.js'

// The three served models (hokusai-api.md §6) as a client uses them: info, health, predict with the
// inputs the contract documents, and the documented refusals. The contract's x-incidents turn a 500
// "HuggingFace token not configured" into "environment misconfigured: HUGGINGFACE_API_KEY missing on
// the server", so a missing secret is never read as a code regression (incidents.md #3).

const predict = operation(HOKUSAI, 'predict')
const info = operation(HOKUSAI, 'getModelInfo')
const health = operation(HOKUSAI, 'getModelHealth')
// Titles carry the request as sent, e.g. POST /api/v1/models/21/predict.
const at = (op: typeof info, model: string) => `${op.method} ${probePath(op.path, { model_id: model })}`
const models = ['21', '27', '30'] as const
// Worded as the deploy-mismatch incident, which is what a generic FastAPI {"detail":"Not Found"} here means.
const notFoundWhy = 'the serving route\'s own 404 for the model; a generic {"detail":"Not Found"} means: route in contract absent from the running service (deploy mismatch)'

for (const model of models) {
  // Request and path examples are paired by name in serving.yaml: model21, model27, model30.
  const example = `model${model}`
  test.describe(`model ${model}`, { tag: ['@serving'] }, () => {
    test(`info: ${at(info, model)} returns its registry entry`, { tag: ['@readonly', ...(model === '21' ? ['@smoke'] : [])] }, async ({ send }) => {
      const x = await send('getModelInfo', { path: { model_id: model }, name: `model ${model} info` })
      expect(x).toMatchContract()
      expect(x.response.json, 'the entry of the model asked for').toMatchObject({ model_id: model })
    })

    test(`health: ${at(health, model)} answers for the model`, { tag: ['@readonly'] }, async ({ send }) => {
      const x = await send('getModelHealth', { path: { model_id: model }, name: `model ${model} health` })
      expect(x).toMatchContract()
      expect(x.response.json, 'the health of the model asked for').toMatchObject({ model_id: model })
    })

    test(`predict: ${at(predict, model)} with the documented inputs returns a prediction`, { tag: ['@mutating'] }, async ({ send }) => {
      const x = await send('predict', { path: { model_id: model }, body: requestExample(predict, example), name: `model ${model} predicts` })
      expect(x).toMatchContract()
      expect(x.response.json, 'a prediction from the model asked for').toMatchObject({ model_id: model })
    })
  })
}

// The refusals a client must be able to tell apart; each body is the one the contract shows, so a
// generic FastAPI 404 from a build without the serving routes (incidents.md #5) cannot pass for them.
test.describe('predict refusals', { tag: ['@serving', '@mutating'] }, () => {
  test(`${at(predict, '21')} without inputs: 422 with the validation detail`, async ({ send }) => {
    const x = await send('predict', { path: { model_id: '21' }, body: requestExample(predict, 'missingInputs'), expect: ['422'], name: 'inputs missing' })
    expect(x).toMatchContract()
    expect(x.response.json, 'FastAPI\'s validation list naming body.inputs').toMatchObject({ detail: [{ loc: ['body', 'inputs'] }] })
  })

  test(`${at(predict, '999')} (unknown model): 404 from the serving route`, async ({ send }) => {
    const x = await send('predict', { path: { model_id: '999' }, body: requestExample(predict, 'unknownModel'), expect: ['404'], name: 'unknown model' })
    expect(x).toMatchContract()
    expect(x.response.json, notFoundWhy).toEqual(responseExample(predict, '404', 'application/json', 'unknownModel'))
  })

  test(`${at(predict, '21')} with an unknown inference method: 400 naming the method`, async ({ send }) => {
    const x = await send('predict', { path: { model_id: '21' }, body: requestExample(predict, 'unknownMethod'), expect: ['400'], name: 'unknown inference method' })
    expect(x).toMatchContract()
    expect(x.response.json).toEqual(responseExample(predict, '400', 'application/json', 'unknownMethod'))
  })
})

test(`${at(info, '999')} (unknown model): 404 from the serving route`, { tag: ['@serving', '@readonly'] }, async ({ send }) => {
  const x = await send('getModelInfo', { path: { model_id: '999' }, expect: ['404'], name: 'unknown model' })
  expect(x).toMatchContract()
  expect(x.response.json, notFoundWhy).toEqual(responseExample(info, '404', 'application/json', 'unknownModel'))
})
