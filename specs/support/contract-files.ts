// The contracts these suites read; playwright.config.ts `use.contracts` must list both.
export const HOKUSAI = 'contracts/hokusai/openapi.yaml'
export const GATEWAYZ = 'contracts/gatewayz/openapi.yaml'
