import { MlflowError } from './mlflow-error.js'

/** A JSON answer as MLflow's Flask server sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** An exception MLflow does not handle: Flask answers its HTML 500 page, not the JSON envelope. */
export class ServerCrash extends Error {
  override readonly name = 'ServerCrash'
}

/** MLflow's error envelope; anything that is not an MlflowError is an INTERNAL_ERROR 500, never a crash. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ServerCrash) return htmlResponse(INTERNAL_ERROR_HTML, 500)
  const e = error instanceof MlflowError ? error : new MlflowError('INTERNAL_ERROR', `mock MLflow failed: ${String(error)}`)
  return jsonResponse({ error_code: e.errorCode, message: e.message }, e.status)
}

// Werkzeug's default error pages, byte for byte as recorded (#88-#91)
const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n'
const METHOD_NOT_ALLOWED_HTML =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n' +
  '<p>The method is not allowed for the requested URL.</p>\n'

const INTERNAL_ERROR_HTML =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
  '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n'

export function htmlResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}

export function notFoundPage(): Response {
  return htmlResponse(NOT_FOUND_HTML, 404)
}

export function methodNotAllowedPage(): Response {
  return htmlResponse(METHOD_NOT_ALLOWED_HTML, 405)
}
