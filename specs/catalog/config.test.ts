import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../src/errors.js'
import { aliasNames, readCatalogConfig } from './config.js'

test('catalog config › defaults: /v1/gateways, huggingface ≡ hug, Arch-Router in hug, 4 pages at once live', () => {
  assert.deepEqual(readCatalogConfig({}, true), {
    gateways: undefined, aliases: [['huggingface', 'hug']], required: [{ gateway: 'hug', model: 'katanemo/Arch-Router-1.5B' }], concurrency: 4,
    maxDrop: 0.1, floors: new Map(), baselineFile: 'catalog-baseline.json',
  })
  assert.equal(readCatalogConfig({ CATALOG_CONCURRENCY: '' }, false).concurrency, 8)
})

test('catalog config › lists are read, lower-cased where slugs are, and model ids keep their ":" and case', () => {
  const config = readCatalogConfig({
    CATALOG_GATEWAYS: ' hug, OpenRouter ,',
    CATALOG_ALIASES: 'huggingface=hug, Google=google-vertex',
    CATALOG_REQUIRED_MODELS: 'hug:katanemo/Arch-Router-1.5B,openrouter:meta-llama/Llama-3-8B:free',
    CATALOG_CONCURRENCY: '2',
    CATALOG_MAX_DROP: '2.5',
    CATALOG_MIN_MODELS: 'HuggingFace:1000, openrouter:300',
  }, true)
  assert.equal(config.maxDrop, 0.025)
  assert.deepEqual([...config.floors], [['huggingface', 1000], ['openrouter', 300]])
  assert.deepEqual(config.gateways, ['hug', 'openrouter'])
  assert.deepEqual(config.aliases, [['huggingface', 'hug'], ['google', 'google-vertex']])
  assert.deepEqual(config.required[1], { gateway: 'openrouter', model: 'meta-llama/Llama-3-8B:free' })
  assert.equal(config.concurrency, 2)
  assert.deepEqual([...aliasNames(config.aliases)], ['huggingface', 'hug', 'google', 'google-vertex'])
})

test('catalog config › every problem at once, naming the variable and an example', () => {
  assert.throws(() => readCatalogConfig({
    CATALOG_GATEWAYS: ' , ', CATALOG_ALIASES: 'hug', CATALOG_REQUIRED_MODELS: 'katanemo', CATALOG_CONCURRENCY: '0',
    CATALOG_MAX_DROP: '100%', CATALOG_MIN_MODELS: 'huggingface=1000',
  }, true), (error: unknown) => {
    assert.ok(error instanceof ConfigError)
    assert.match(error.message, /^contractwright: catalog settings are invalid/)
    for (const name of ['CATALOG_GATEWAYS is empty', 'CATALOG_ALIASES: "hug"', 'CATALOG_REQUIRED_MODELS: "katanemo"', 'CATALOG_CONCURRENCY=0', 'CATALOG_MAX_DROP=100%', 'CATALOG_MIN_MODELS: "huggingface=1000"']) {
      assert.ok(error.message.includes(name), `${name} in ${error.message}`)
    }
    return true
  })
})
