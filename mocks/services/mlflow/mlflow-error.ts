// HTTP status per error_code: ERROR_CODE_TO_HTTP_STATUS in mlflow/exceptions.py (mlflow-rest.md §3)
const STATUS_BY_CODE: Record<string, number> = {
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  BAD_REQUEST: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RESOURCE_CONFLICT: 409,
  ABORTED: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  CUSTOMER_UNAUTHORIZED: 401,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
}

export type MlflowErrorCode = keyof typeof STATUS_BY_CODE

/** An MLflow REST error: thrown by handlers, answered as `{"error_code","message"}` with the mapped status. */
export class MlflowError extends Error {
  readonly errorCode: string
  readonly status: number

  constructor(errorCode: string, message: string) {
    super(message)
    this.name = 'MlflowError'
    this.errorCode = errorCode
    this.status = STATUS_BY_CODE[errorCode] ?? 500
  }

  static invalid(message: string): MlflowError {
    return new MlflowError('INVALID_PARAMETER_VALUE', message)
  }

  static notFound(message: string): MlflowError {
    return new MlflowError('RESOURCE_DOES_NOT_EXIST', message)
  }

  static exists(message: string): MlflowError {
    return new MlflowError('RESOURCE_ALREADY_EXISTS', message)
  }
}
