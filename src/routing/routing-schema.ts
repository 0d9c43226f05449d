// JSON Schema (2020-12) for contracts/<platform>/routing.yaml; see contracts/README.md § routing.yaml.
// Limits follow AWS ALB quotas: path and host values are at most 128 characters, and one
// condition holds at most 5 values (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).

export const MAX_CONDITION_VALUES = 5

const hostPattern = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9.*?-]+(:[0-9]+)?$' }
const pathPattern = { type: 'string', minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.$/~\"'@:+&*?-]+$" }
const conditionValues = (item: object) => ({ type: 'array', minItems: 1, maxItems: MAX_CONDITION_VALUES, items: item })

export const routingSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['hosts', 'default', 'rule-sets'],
  additionalProperties: false,
  properties: {
    hosts: { type: 'object', minProperties: 1, additionalProperties: hostPattern },
    default: { type: 'string', minLength: 1 },
    'rule-sets': {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['description', 'source', 'listeners'],
        additionalProperties: false,
        properties: {
          description: { type: 'string', minLength: 1 },
          source: { type: 'string', minLength: 1 },
          listeners: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['name', 'hosts', 'rules', 'default'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1 },
                hosts: { type: 'array', minItems: 1, items: hostPattern },
                rules: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['priority', 'target'],
                    additionalProperties: false,
                    properties: {
                      priority: { type: 'integer', minimum: 1, maximum: 50000 },
                      hosts: conditionValues(hostPattern),
                      paths: conditionValues(pathPattern),
                      target: { type: 'string', minLength: 1 },
                    },
                  },
                },
                default: {
                  type: 'object',
                  minProperties: 1,
                  maxProperties: 1,
                  additionalProperties: false,
                  properties: {
                    target: { type: 'string', minLength: 1 },
                    'fixed-response': {
                      type: 'object',
                      required: ['status', 'content-type', 'body'],
                      additionalProperties: false,
                      properties: {
                        status: { type: 'integer', minimum: 200, maximum: 599 },
                        'content-type': { type: 'string', minLength: 1 },
                        body: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const
