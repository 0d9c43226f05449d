import { http, HttpResponse } from 'msw'
import { defineFault } from '../../src/mocks/index.js'

// The broad rule forwards /api/mlflow/* to an API target without the MLflow proxy mount (the build
// the /api* target group ran then), so MLflow clients get FastAPI's 404 instead of MLflow's answers.
const noProxyMount = http.all(/\/api\/mlflow\//, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 }))

export default defineFault({
  name: 'alb-shadow-mlflow',
  incident: 'misrouted',
  summary: 'Rule /api* (priority 100) sits ahead of /api/mlflow/* (105) and sends MLflow calls to an API target without the proxy mount: FastAPI 404s instead of MLflow answers.',
  routing: 'historical-api-first',
  handlers: { api: [noProxyMount] },
  expect: { scope: /@routing|@registration|@mlflow-/, failing: /mlflow|registration/, message: /misrouted/ },
})
