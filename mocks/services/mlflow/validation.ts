import { MlflowError } from './mlflow-error.js'

// Length limits and name rules of mlflow/utils/validation.py (2.17), as the seeded sequences show them
export const MAX_ENTITY_KEY_LENGTH = 250
export const MAX_REGISTRY_TAG_VALUE_LENGTH = 5000
export const MAX_EXPERIMENT_NAME_LENGTH = 500
const MAX_ALIAS_LENGTH = 255

/** `Metric name 'x…' had length 251, which exceeded length limit of 250` and the like. */
export function checkLength(what: string, value: string, limit: number): void {
  if (value.length > limit) throw MlflowError.invalid(`${what} '${value}' had length ${value.length}, which exceeded length limit of ${limit}`)
}

// metric, param and tag names: alphanumerics, underscores, periods, dashes, spaces and slashes; no `..` or leading `/`
const NAME_CHARS = /^[/\w.\- ]*$/u

export function checkEntityName(kind: 'metric' | 'param' | 'tag', name: string): void {
  if (!NAME_CHARS.test(name)) {
    throw MlflowError.invalid(`Invalid ${kind} name: '${name}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).`)
  }
  if (name.split('/').includes('..') || name.startsWith('/')) {
    throw MlflowError.invalid(`Invalid ${kind} name: '${name}'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such.`)
  }
}

/** Registry tags (registered models and versions): key ≤ 250, value ≤ 5000; `what` is "Registered model" or "Model version". */
export function checkRegistryTag(what: string, key: string, value: string): void {
  checkLength(`${what} key`, key, MAX_ENTITY_KEY_LENGTH)
  checkLength(`${what} value`, value, MAX_REGISTRY_TAG_VALUE_LENGTH)
}

/** Alias names: word characters and dashes, at most 255; `latest` and `v<digits>` would shadow model URIs. */
export function checkAliasName(alias: string): void {
  if (!/^[\w-]*$/u.test(alias)) {
    throw MlflowError.invalid(`Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`)
  }
  if (alias.length > MAX_ALIAS_LENGTH) throw MlflowError.invalid(`Alias name '${alias}' exceeds the maximum length of ${MAX_ALIAS_LENGTH} characters.`)
  if (alias.toLowerCase() === 'latest') throw MlflowError.invalid("'latest' alias name (case insensitive) is reserved.")
  if (/^v\d+$/i.test(alias)) throw MlflowError.invalid(`Version alias name '${alias}' is reserved.`)
}

export function checkExperimentName(name: string): void {
  if (name.length > MAX_EXPERIMENT_NAME_LENGTH) throw MlflowError.invalid(`'name' exceeds the maximum length of ${MAX_EXPERIMENT_NAME_LENGTH} characters`)
}

/** An artifact location is a URI; MLflow refuses one with a `#fragment` or `;params` in its path (they would be lost). */
export function checkArtifactLocation(location: string): void {
  const path = location.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') // scheme and authority may hold `;`
  if (location.includes('#') || path.includes(';')) {
    throw MlflowError.invalid("'artifact_location' URL can't include fragments or params.")
  }
}
