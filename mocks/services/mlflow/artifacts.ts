import { MlflowError } from './mlflow-error.js'
import { requireRun } from './require-entity.js'
import { defineRoute, type MlflowRoute } from './route.js'
import { runIdOf } from './runs.js'
import type { MlflowStore } from './store.js'

const ROOT_PREFIX = '/api/2.0/mlflow-artifacts/artifacts'
// served as text/plain by MLflow's _guess_mime_type; everything else is a binary download
const TEXT_EXTENSIONS = new Set(['txt', 'log', 'cfg', 'conf', 'ini', 'toml', 'yaml', 'yml', 'xml', 'json', 'py', 'csv', 'tsv', 'md', 'rst'])
const TEXT_NAMES = new Set(['MLmodel', 'MLproject'])

/** The artifact path below the proxied root, decoded and checked: no `..`, no empty segments. */
function artifactKey(rawPath: string): string {
  let segments: string[]
  try {
    segments = rawPath.split('/').filter((s) => s !== '').map(decodeURIComponent)
  } catch {
    throw MlflowError.invalid(`Invalid artifact path: '${rawPath}'`)
  }
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/'))) throw MlflowError.invalid(`Invalid artifact path: '${rawPath}'`)
  return segments.join('/')
}

function contentTypeOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  return TEXT_NAMES.has(name) || TEXT_EXTENSIONS.has(ext) ? 'text/plain' : 'application/octet-stream'
}

/** Entries directly below `dir`, paths relative to `relativeTo`, sorted; directories carry no size. */
export function listArtifacts(store: MlflowStore, dir: string, relativeTo: string): Record<string, unknown>[] {
  const base = dir ? `${dir}/` : ''
  const entries = new Map<string, Record<string, unknown>>()
  for (const [key, bytes] of store.artifacts) {
    if (!key.startsWith(base)) continue
    const rest = key.slice(base.length)
    const slash = rest.indexOf('/')
    const child = `${base}${slash < 0 ? rest : rest.slice(0, slash)}`
    const path = relativeTo ? child.slice(relativeTo.length + 1) : child
    entries.set(path, slash < 0 ? { path, is_dir: false, file_size: bytes.byteLength } : { path, is_dir: true })
  }
  return [...entries.keys()].sort().map((k) => entries.get(k)!)
}

function keyFromUrl(url: URL): string {
  return artifactKey(url.pathname.slice(url.pathname.indexOf(ROOT_PREFIX) + ROOT_PREFIX.length))
}

/** Proxied artifact storage under `/api/2.0/mlflow-artifacts` (mlflow-rest.md §7): upload, download, list. */
export function artifactRoutes(store: MlflowStore): MlflowRoute[] {
  return [
    defineRoute({
      methods: ['PUT'],
      path: '/artifacts/*',
      rawBody: true,
      async answer({ request, url }) {
        const key = keyFromUrl(url)
        if (!key) throw MlflowError.invalid('An artifact path is required to upload a file.')
        store.artifacts.set(key, new Uint8Array(await request.arrayBuffer()))
        return {}
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/artifacts/*',
      rawBody: true,
      answer({ url }) {
        const key = keyFromUrl(url)
        const bytes = store.artifacts.get(key)
        if (!bytes) throw MlflowError.notFound(`File not found: ${key}`)
        const name = key.slice(key.lastIndexOf('/') + 1)
        return new Response(bytes.slice(), {
          headers: { 'Content-Type': contentTypeOf(key), 'Content-Disposition': `attachment; filename=${name}` },
        })
      },
    }),
    defineRoute({
      methods: ['DELETE'],
      path: '/artifacts/*',
      rawBody: true,
      answer({ url }) {
        const key = keyFromUrl(url)
        for (const k of [...store.artifacts.keys()]) if (k === key || k.startsWith(`${key}/`)) store.artifacts.delete(k)
        return {}
      },
    }),
    defineRoute({
      methods: ['GET'],
      path: '/artifacts',
      answer({ params }) {
        const dir = artifactKey(params.string('path') ?? '')
        const files = listArtifacts(store, dir, dir)
        return files.length ? { files } : {}
      },
    }),
  ]
}

/** `GET /api/2.0/mlflow/artifacts/list`: a run's artifacts, paths relative to the run's root (#24). */
export function runArtifactRoutes(store: MlflowStore): MlflowRoute[] {
  return [
    defineRoute({
      methods: ['GET'],
      path: '/artifacts/list',
      answer({ params }) {
        const run = requireRun(store, runIdOf(params))
        const rootUri = run.artifactUri
        // only proxied roots (mlflow-artifacts:/…) are stored by this mock; other roots list as empty
        const root = rootUri.startsWith('mlflow-artifacts:/') ? artifactKey(rootUri.slice('mlflow-artifacts:/'.length)) : undefined
        const sub = artifactKey(params.string('path') ?? '')
        const files = root === undefined ? [] : listArtifacts(store, sub ? `${root}/${sub}` : root, root)
        return { root_uri: rootUri, ...(files.length ? { files } : {}) }
      },
    }),
  ]
}
