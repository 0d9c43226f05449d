import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'alb-shadow-mlflow',
  incident: 'misrouted',
  summary: 'Rule /api* (priority 100) sits ahead of /api/mlflow/* (105), so the broad API rule decides every MLflow proxy call.',
  routing: 'historical-api-first',
  expect: { failing: ['@routing', '@registration'], message: /misrouted: answered by \w+, contract says \w+|rule \d+ shadows rule \d+/ },
})
