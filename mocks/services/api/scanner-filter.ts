// ScannerFilterMiddleware (hokusai-api.md §2.1): the outermost layer, before auth.

const exactPaths = new Set([
  '/.env', '/api/jsonws', '/manager/html', '/server-status', '/ui/login', '/login.action', '/boaform/admin/formlogin',
])
const scannerPrefixes = ['/.git/', '/wp-admin/', '/cgi-bin/', '/actuator/', '/phpmyadmin/', '/vendor/phpunit/']
const neverFiltered = [
  '/health', '/ready', '/live', '/metrics', '/docs', '/redoc', '/openapi.json', '/api/v1/', '/api/2.0/mlflow/',
  '/api/2.0/preview/mlflow/', '/api/mlflow/', '/mlflow/', '/api/models', '/models', '/api/health',
]

/** The scanner filter's answer for `path`, or undefined when the request goes on. */
export function scannerFilter(path: string): Response | undefined {
  if (neverFiltered.some((prefix) => path.startsWith(prefix))) return undefined
  if (!exactPaths.has(path) && !scannerPrefixes.some((prefix) => path.startsWith(prefix))) return undefined
  return new Response(null, { status: 404, headers: { 'cache-control': 'no-store' } })
}
