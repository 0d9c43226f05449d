/** A resolved target: where each host lives and which credentials to use. Holds secrets: never print it. */
export interface Target {
  name: string
  variables: Record<string, string>
  baseUrls: Record<string, string> // host name → base URL
  hostVariables: Record<string, string> // host name → the variable that set it (for messages)
  credentials: Record<string, string | undefined> // credential name → key
  secrets: string[] // every value to mask in artifacts
  readOnly: boolean // only safe requests, unless mutations are explicitly allowed
  allowMutations: boolean
  timeoutMs: number
  files: string[] // env files that were read, for messages
  unconfigured: string[] // titles of contracts this target does not cover (none of their variables set)
}

export const INVALID_KEY = 'cw-invalid-key-0000'
