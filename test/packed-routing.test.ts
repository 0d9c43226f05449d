// A team with a plain document and its load balancer's rules as `aws elbv2 describe-rules` prints
// them: the packed tarball in a fresh folder, `contractwright routing --rules …`, then the suite
// from `init` with CONTRACT_ROUTING_RULES against a real load balancer stand-in (node:http in front
// of the pets server), healthy and with the item rule's /* form missing.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { newPetsProject, output, run, startListening, startPetsServer } from './support/packed.js'

const work = mkdtempSync(join(tmpdir(), 'cw-routing-'))
const project = join(work, 'pets')
const token = 'cw-pets-token-0001'
const credentials = { CONTRACT_AUTH_BEARER: token, CONTRACT_AUTH_API_KEY: token }
const TG = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/pets-api/0123456789abcdef'
const NOT_FOUND = '<html><body><h1>404 Not Found</h1></body></html>' // as lb-server.mjs answers

function describeRules(paths: string[]): string {
  return JSON.stringify({ Rules: [
    { RuleArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener-rule/app/pets/1a2b3c4d5e6f7a8b/9c8d7e6f5a4b3c2d/0011223344556677', Priority: '10', IsDefault: false,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: paths }, Values: paths }], Actions: [{ Type: 'forward', TargetGroupArn: TG, Order: 1 }] },
    { RuleArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener-rule/app/pets/1a2b3c4d5e6f7a8b/9c8d7e6f5a4b3c2d/default', Priority: 'default', IsDefault: true, Conditions: [],
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/html', MessageBody: NOT_FOUND } }] },
  ] }, null, 2)
}

/** The deployed load balancer, in its own process: forwards the listed paths, else its fixed 404. */
function startLoadBalancer(upstream: string, routes: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  return startListening('load balancer', 'test/fixtures/routing/lb-server.mjs', { PATH: process.env.PATH, LB_UPSTREAM: upstream, LB_ROUTES: routes.join(',') })
}

describe('contractwright routing with deployed rules, in a new project', { timeout: 900_000 }, () => {
  before(() => {
    newPetsProject(work, project, 'pets-routing')
    writeFileSync(join(project, 'rules.json'), describeRules(['/health', '/pets', '/pets/*']))
    writeFileSync(join(project, 'rules-no-item.json'), describeRules(['/health', '/pets']))
    const init = run('npx', ['contractwright', 'init', '--spec', 'openapi.json'], project)
    assert.equal(init.status, 0, output(init))
  })
  after(() => rmSync(work, { recursive: true, force: true }))

  it('the static check: clean rules exit 0; without /pets/* every item operation is named with the rule that answers', () => {
    const clean = run('npx', ['contractwright', 'routing', '--contract', 'openapi.json', '--rules', 'rules.json'], project)
    assert.equal(clean.status, 0, output(clean))
    assert.match(clean.stdout, /openapi\.json against rules\.json .*: 6 operations, every one routed to its service/)
    const broken = run('npx', ['contractwright', 'routing', '--contract', 'openapi.json', '--rules', 'rules-no-item.json', '--json'], project)
    assert.equal(broken.status, 1, output(broken))
    const report = JSON.parse(broken.stdout) as { findings: Array<{ kind: string; method: string; path: string; message: string }> }
    assert.deepEqual(report.findings.map((f) => `${f.kind} ${f.method} ${f.path}`).sort(), ['not-routed DELETE /pets/x1', 'not-routed GET /pets/x1', 'not-routed PUT /pets/x1'])
    assert.match(report.findings[0]!.message, /matches no rule of listener "pets\/9c8d7e6f"; the load balancer answers 404 text\/html/)
  })

  it('bad input: malformed JSON, an unknown condition field, an unknown service: one line each, exit 2', () => {
    writeFileSync(join(project, 'malformed.json'), '{"Rules": [')
    writeFileSync(join(project, 'unknown.json'), describeRules(['/pets']).replace('"path-pattern"', '"path"'))
    for (const [args, line] of [
      [['--rules', 'malformed.json'], /^contractwright: malformed\.json: not valid JSON: /],
      [['--rules', 'unknown.json'], /^contractwright: unknown\.json: \/Rules\/0\/Conditions\/0\/Field: unknown condition field "path" \(known: path-pattern/],
      [['--rules', 'rules.json', '--service', 'pets-api=billing'], /^contractwright: rules\.json: --service pets-api=billing: "billing" is not a service of the contract \(services: pets-api\)/],
    ] as const) {
      const r = run('npx', ['contractwright', 'routing', '--contract', 'openapi.json', ...args], project)
      assert.equal(r.status, 2, output(r))
      assert.match(r.stderr, line)
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
      assert.equal(r.stdout, '', 'nothing half-applied')
    }
  })

  it('the suite with CONTRACT_ROUTING_RULES: green behind the healthy load balancer, red behind the one without /pets/*', async () => {
    const pets = await startPetsServer()
    const healthy = await startLoadBalancer(pets.url, ['/health', '/pets', '/pets/*'])
    const broken = await startLoadBalancer(pets.url, ['/health', '/pets'])
    try {
      const green = run('npx', ['playwright', 'test', '--reporter=line'], project, { CONTRACT_BASE_URL: healthy.url, CONTRACT_ROUTING_RULES: 'rules.json', ...credentials })
      assert.equal(green.status, 0, output(green))
      const red = run('npx', ['playwright', 'test', '--reporter=line'], project, { CONTRACT_BASE_URL: broken.url, CONTRACT_ROUTING_RULES: 'rules-no-item.json', ...credentials })
      assert.equal(red.status, 1, output(red))
      // the static test names the rule set's gap before any answer is read
      assert.match(red.stdout, /routing › the deployed rules \(rules-no-item\.json\) route every operation of openapi\.json/)
      // (Playwright's diff prints the message as a JSON string: quotes escaped)
      assert.match(red.stdout, /not routed: GET \/pets\/x1 on 127\.0\.0\.1 matches no rule of listener \\?"pets\/9c8d7e6f\\?"; the load balancer answers 404 text\/html/)
      // the live tests know the deployed load balancer's own page (from the rules) when it answers instead of the service
      assert.match(red.stdout, /incident +not routed: the load balancer answered \(text\/html 404\); no service saw the request\n\s+status +404 text\/html\n\s+answered +load-balancer/)
      const unnamed = run('npx', ['playwright', 'test', '--reporter=line'], project, { CONTRACT_BASE_URL: broken.url, ...credentials })
      assert.equal(unnamed.status, 1, output(unnamed))
      assert.doesNotMatch(unnamed.stdout, /answered +load-balancer/, 'without the rules the page is not known to be the load balancer\'s')
      assert.ok(![green.stdout, red.stdout, red.stderr].some((t) => t.includes(token)), 'the token never appears')
    } finally {
      await healthy.stop()
      await broken.stop()
      await pets.stop()
    }
  })
})
