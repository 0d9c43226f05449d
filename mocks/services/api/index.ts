export { createApiService } from './create-api-service.js'
export { defaultApiSettings, resolveApiSettings, type ApiSettings } from './settings.js'
