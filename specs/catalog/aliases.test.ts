import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compareAliases, mergeAliasPairs } from './aliases.js'
import { fakeCatalog, ids, type FakeOptions } from './fake-catalog.js'
import { walkGateway } from './walk.js'

const hf = ids('hf', 1204)
const pair = new Set(['huggingface', 'hug'])
const compare = async (catalogs: Record<string, string[]>, options: FakeOptions = {}) => {
  const fetchPage = fakeCatalog(catalogs, { echo: { huggingface: 'hug' }, ...options })
  return compareAliases(await walkGateway('huggingface', fetchPage, 1000), await walkGateway('hug', fetchPage, 1000), pair)
}

test('catalog aliases › the same catalog under both names, echoing the resolved slug: no finding', async () => {
  assert.deepEqual(await compare({ huggingface: hf, hug: hf }), [])
})

test('catalog aliases › incident #6: both names answer the router 404', async () => {
  const notFound = { status: 404, detail: '{"detail":"Not Found"}' }
  assert.deepEqual(await compare({}, { fail: { huggingface: notFound, hug: notFound } }), [
    'alias broken: huggingface → 404 {"detail":"Not Found"}',
    'alias broken: hug → 404 {"detail":"Not Found"}',
  ])
})

test('catalog aliases › an alias mismatch: different catalogs, or different echoed slugs', async () => {
  const [found] = await compare({ huggingface: hf, hug: hf.slice(0, 101) })
  assert.equal(found, 'alias broken: huggingface and hug answer different catalogs: 1204 vs 101 ids, 1103 only in huggingface (e.g. hf/model-0101, hf/model-0102, hf/model-0103)')
  assert.deepEqual(await compare({ huggingface: hf, hug: hf }, { echo: { huggingface: 'huggingface' } }), [
    'alias broken: huggingface echoes gateway "huggingface", hug echoes "hug"',
  ])
  assert.deepEqual(await compare({ huggingface: hf, hug: [...hf].reverse() }), ['alias broken: huggingface and hug list the same ids in a different order or multiplicity'])
})

test('catalog aliases › configured pairs and registry aliases merge, each pair once', () => {
  const registry = [{ id: 'huggingface', aliases: ['hug'] }, { id: 'google-vertex', aliases: ['google'] }, { id: 'groq', aliases: [] }]
  assert.deepEqual(mergeAliasPairs([['hug', 'huggingface']], registry), [['hug', 'huggingface'], ['google-vertex', 'google']])
})
