// Registry-admin gate (auth-service.md §5): a plain prefix test on the lowercased path.

const registryPrefixes = [
  '/mlflow', '/api/mlflow', '/api/2.0/mlflow', '/api/2.0/preview/mlflow', '/api/2.0/mlflow-artifacts',
  '/ajax-api/2.0/mlflow', '/ajax-api/2.0/mlflow-artifacts',
]

export function isRegistryPath(path: string): boolean {
  const lower = path.toLowerCase()
  return registryPrefixes.some((prefix) => lower.startsWith(prefix))
}
