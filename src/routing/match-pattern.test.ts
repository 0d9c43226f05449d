import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchHostPattern, matchPathPattern } from './match-pattern.js'

const paths: Array<[string, { pattern: string; path: string; want: boolean }]> = [
  ['* matches nothing at the end', { pattern: '/api*', path: '/api', want: true }],
  ['* runs across slashes', { pattern: '/api*', path: '/api/v1/models/21/info', want: true }],
  ['* matches a suffix without a slash', { pattern: '/api*', path: '/api2', want: true }],
  ['path patterns are case-sensitive', { pattern: '/api*', path: '/API/v1', want: false }],
  ['/api/* needs the slash', { pattern: '/api/*', path: '/api', want: false }],
  ['/api/* matches the bare slash', { pattern: '/api/*', path: '/api/', want: true }],
  ['? is exactly one character', { pattern: '/v?/models', path: '/v1/models', want: true }],
  ['? does not match two characters', { pattern: '/v?/models', path: '/v10/models', want: false }],
  ['? does not match zero characters', { pattern: '/v?/models', path: '/v/models', want: false }],
  ['? is not *', { pattern: '/api/?', path: '/api/v1/x', want: false }],
  ['the query string is ignored', { pattern: '/mlflow', path: '/mlflow?x=/mlflow/', want: true }],
  ['the query string cannot make a match', { pattern: '/mlflow/*', path: '/mlflow?next=/mlflow/x', want: false }],
  ['a literal needs the whole path', { pattern: '/mlflow', path: '/mlflow/', want: false }],
  ['/mlflow/* does not match /mlflow-artifacts', { pattern: '/mlflow/*', path: '/mlflow-artifacts/x', want: false }],
  ['regex characters are literal', { pattern: '/a.b', path: '/axb', want: false }],
  ['a + is literal', { pattern: '/a+b', path: '/a+b', want: true }],
]

for (const [title, { pattern, path, want }] of paths) {
  test(`matchPathPattern: ${title} (${pattern} vs ${path})`, () => {
    assert.equal(matchPathPattern(pattern, path), want)
  })
}

const hosts: Array<[string, { pattern: string; host: string; want: boolean }]> = [
  ['exact host', { pattern: 'api.hokus.example', host: 'api.hokus.example', want: true }],
  ['host header is case-insensitive', { pattern: 'api.hokus.example', host: 'API.Hokus.Example', want: true }],
  ['port is ignored', { pattern: 'api.hokus.example', host: 'api.hokus.example:443', want: true }],
  ['other host', { pattern: 'api.hokus.example', host: 'auth.hokus.example', want: false }],
  ['* wildcard in hosts', { pattern: '*.hokus.example', host: 'registry.hokus.example', want: true }],
  ['? wildcard in hosts is one character', { pattern: 'api?.example', host: 'api12.example', want: false }],
  ['dot is literal', { pattern: 'api.example', host: 'apixexample', want: false }],
]

for (const [title, { pattern, host, want }] of hosts) {
  test(`matchHostPattern: ${title} (${pattern} vs ${host})`, () => {
    assert.equal(matchHostPattern(pattern, host), want)
  })
}
