import { test } from 'node:test'
import assert from 'node:assert/strict'
import { routeVerdict, startsLikeExample } from './route-verdict.js'

type Given = [expected: string, answered: string | undefined, status: number, contentType: string | undefined]
const verdicts: Array<[string, { given: Given; want: RegExp | undefined }]> = [
  ['the expected service answered', { given: ['mlflow', 'mlflow', 404, 'application/json'], want: undefined }],
  ['the load balancer answered', { given: ['api', 'load-balancer', 404, 'text/plain'], want: /^not routed: the load balancer answered \(404 text\/plain\)/ }],
  ['another service answered', { given: ['auth', 'api', 401, 'application/json'], want: /^misrouted to api: .* contract says auth$/ }],
  ['nobody the contract knows answered', { given: ['mlflow', undefined, 200, undefined], want: /^misrouted: the 200 \(no content type\) answer matches no fingerprint .* mlflow did not answer/ }],
]

for (const [title, { given, want }] of verdicts) {
  test(`routeVerdict: ${title}`, () => {
    const verdict = routeVerdict(...given)
    if (want === undefined) assert.equal(verdict, undefined)
    else assert.match(verdict ?? '', want)
  })
}

const page = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n'
const pages: Array<[string, { given: [string, unknown]; want: boolean }]> = [
  ['the example page, longer', { given: [`${page}<h1>Not Found</h1>`, page], want: true }],
  ['leading whitespace is ignored', { given: [`\n${page}`, page], want: true }],
  ['the load balancer page is not it', { given: ['Not Found', page], want: false }],
  ['a JSON 404 is not it', { given: ['{"detail":"Not Found"}', page], want: false }],
  ['no example proves nothing', { given: [page, undefined], want: false }],
  ['an empty example proves nothing', { given: [page, '  '], want: false }],
]

for (const [title, { given, want }] of pages) {
  test(`startsLikeExample: ${title}`, () => assert.equal(startsLikeExample(...given), want))
}
