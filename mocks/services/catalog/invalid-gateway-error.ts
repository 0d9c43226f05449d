import { detailedError } from './detailed-error.js'
import { validGatewayValues } from './resolve-gateway.js'

/** §3.5: a plain 400 HTTPException, mapped by the detailed handler to INVALID_PARAMETER_TYPE. */
export function invalidGatewayError(gateway: string): Response {
  return detailedError(400, {
    type: 'invalid_parameter_type',
    message: "Invalid value for parameter 'request'",
    detail: 'One of your request parameters has an incorrect type. Please check the API documentation for the correct parameter types.',
    code: 'INVALID_PARAMETER_TYPE',
    suggestions: [
      'Check the expected type for this parameter in the API docs',
      'Ensure numeric values are not quoted as strings',
      'Visit https://docs.gatewayz.ai/api for parameter type specifications',
    ],
    context: {
      parameter_name: 'request',
      parameter_value: `Invalid gateway '${gateway}'. Must be 'all' or one of: ${validGatewayValues.filter((v) => v !== 'all').join(', ')}`,
    },
  })
}
