import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadRoutingFile, parseRoutingFile, pickRuleSet } from './rule-set.js'
import { RoutingError } from './routing-error.js'

const FILE = 'fixtures/routing.yaml'

function routing(rules: string, extra = ''): string {
  return `hosts: { api: api.example.test, reg: reg.example.test }
default: good
rule-sets:
  good:
    description: d
    source: s
    listeners:
      - name: main
        hosts: [api.example.test, reg.example.test]
        rules:
${rules}
        default: { fixed-response: { status: 404, content-type: text/plain, body: Not Found } }
${extra}`
}

const goodRules = `          - { priority: 200, paths: ['/b/*'], target: b }
          - { priority: 100, paths: ['/a/*'], target: a }`

test('parseRoutingFile: a valid file gives hosts, default and rule sets with rules in priority order', () => {
  const parsed = parseRoutingFile(routing(goodRules), FILE)
  assert.equal(parsed.defaultName, 'good')
  assert.deepEqual(parsed.hosts, { api: 'api.example.test', reg: 'reg.example.test' })
  const listener = parsed.ruleSets.good!.listeners[0]!
  assert.deepEqual(listener.rules.map((r) => r.priority), [100, 200])
  assert.deepEqual(listener.default, { fixedResponse: { status: 404, contentType: 'text/plain', body: 'Not Found' } })
  assert.equal(parsed.ruleSets.good!.hosts.api, 'api.example.test')
})

const bad: Array<[string, { text: string; want: RegExp[] }]> = [
  ['six path patterns break the AWS limit of 5', {
    text: routing(`          - { priority: 100, paths: ['/a', '/b', '/c', '/d', '/e', '/f'], target: a }`),
    want: [/rule set "good", listener "main", rule 100, field paths: at most 5 values per condition \(AWS limit\)/],
  }],
  ['duplicate priorities within a listener', {
    text: routing(`          - { priority: 100, paths: ['/a/*'], target: a }\n          - { priority: 100, paths: ['/b/*'], target: b }`),
    want: [/rule set "good", listener "main", rule 100, field priority: duplicate priority 100/],
  }],
  ['a rule without a target', {
    text: routing(`          - { priority: 100, paths: ['/a/*'] }`),
    want: [/rule 100, field target: is required/],
  }],
  ['a rule without conditions', {
    text: routing(`          - { priority: 100, target: a }`),
    want: [/rule 100: needs a hosts or paths condition/],
  }],
  ['a non-integer priority', {
    text: routing(`          - { priority: 1.5, paths: ['/a'], target: a }`),
    want: [/listener "main", rule #1, field priority: must be integer/],
  }],
  ['an unknown field', {
    text: routing(`          - { priority: 100, path: ['/a'], target: a }`),
    want: [/rule 100, field path: unknown field/],
  }],
  ['a path with a space', {
    text: routing(`          - { priority: 100, paths: ['/a b'], target: a }`),
    want: [/field paths.0: "\/a b" has characters an ALB pattern does not allow/],
  }],
  ['the default names no rule set', {
    text: routing(goodRules).replace('default: good', 'default: gone'),
    want: [/default: unknown rule set "gone". Known rule sets: good/],
  }],
  ['a host served by two listeners', {
    text: routing(goodRules, `      - { name: second, hosts: [API.example.test], rules: [], default: { target: a } }`),
    want: [/listener "second", field hosts: API.example.test is already served by listener "main"/],
  }],
  ['every problem is listed at once', {
    text: routing(`          - { priority: 100, paths: ['/a/*'], target: a }\n          - { priority: 100, target: b }`),
    want: [/2 problems/, /duplicate priority 100/, /needs a hosts or paths condition/],
  }],
  ['not YAML', { text: 'hosts: [', want: [/not valid YAML/] }],
]

for (const [title, { text, want }] of bad) {
  test(`parseRoutingFile rejects: ${title}`, () => {
    assert.throws(() => parseRoutingFile(text, FILE), (error: unknown) => {
      assert.ok(error instanceof RoutingError)
      assert.equal(error.file, FILE)
      assert.match(error.message, /^contractwright: fixtures\/routing\.yaml: /)
      for (const pattern of want) assert.match(error.message, pattern)
      return true
    })
  })
}

test('pickRuleSet: the default when no name is given', () => {
  assert.equal(pickRuleSet(parseRoutingFile(routing(goodRules), FILE)).name, 'good')
})

test('pickRuleSet: an unknown name lists the known ones', () => {
  assert.throws(() => pickRuleSet(parseRoutingFile(routing(goodRules), FILE), 'god'), {
    message: 'contractwright: fixtures/routing.yaml: unknown rule set "god". Known rule sets: good',
  })
})

test('loadRoutingFile: a missing file is a clear error, not a crash', async () => {
  await assert.rejects(loadRoutingFile('no/such/routing.yaml'), /^RoutingError: contractwright: no\/such\/routing\.yaml: cannot read the file \(ENOENT\)/)
})
