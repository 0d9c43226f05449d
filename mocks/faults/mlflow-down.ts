import { defineFault } from '../../src/mocks/index.js'

export default defineFault({
  name: 'mlflow-down',
  incident: 'dependency-down',
  summary: 'The MLflow container has no healthy instance: the API proxy answers 502/503 and registry /mlflow/* gets the load balancer\'s 503.',
  down: ['mlflow'],
  expect: { scope: /@registration|@mlflow-/, failing: /mlflow|registration/, message: /dependency down: MLflow|MLflow unreachable/ },
})
