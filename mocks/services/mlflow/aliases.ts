import { MlflowError } from './mlflow-error.js'
import { modelVersionView } from './model-version-view.js'
import { parseVersion, requireModel, requireVersion } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import type { ResolvedMlflowSettings } from './settings.js'
import type { MlflowStore } from './store.js'
import { checkAliasName } from './validation.js'

/** `registered-models/alias`: set (moves an existing alias), get by alias, idempotent delete (§6, §8). */
export function aliasRoutes(store: MlflowStore, settings: ResolvedMlflowSettings): MlflowRoute[] {
  const wording = settings.version.startsWith('3.') ? 'v3' : 'v2'
  return [
    defineRoute({
      methods: ['POST'],
      path: '/registered-models/alias',
      answer({ params: p }) {
        const name = p.string('name', true)
        const alias = p.string('alias', true)
        const version = p.string('version', true) // a JSON number is refused (#73)
        checkAliasName(alias)
        // the SQL store checks the version only: an unknown model is "Model Version (...) not found" too
        const found = requireVersion(store, name, parseVersion(version, wording))
        found.model.aliases.set(alias, found.version.version)
        return {}
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/registered-models/alias',
      answer({ params: p }) {
        const name = p.string('name', true)
        const alias = p.string('alias', true)
        // the SQL store looks the (name, alias) pair up without checking the model: a missing alias is 400,
        // not 404 (#53), and so is any alias of an unknown model
        const model = store.models.get(name)
        const version = model?.aliases.get(alias)
        const record = version === undefined ? undefined : model?.versions.get(version)
        if (!model || !record) throw MlflowError.invalid(`Registered model alias ${alias} not found.`)
        return { model_version: modelVersionView(model, record, true) }
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/registered-models/alias',
      answer({ params: p }) {
        const name = p.string('name', true)
        const alias = p.string('alias', true)
        requireModel(store, name).aliases.delete(alias)
        return {}
      },
    }),
  ]
}
