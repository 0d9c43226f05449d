import { generateCases, type Case, type Contract, type Exchange } from '../src/index.js'
import { contractFor, GATEWAYZ, HOKUSAI, operation } from './support/engine.js'
import { expect, test, type SendInput } from './support/fixtures.js'
import { probePath } from './support/path-classes.js'
import { commonPathPrefix, servedDespiteRefusal } from './support/titles.js'

// The security contract (incidents.md #9, #11), read area by area: secured operations refuse missing
// and invalid keys with the documented JSON 401, public ones need none, the MLflow registry needs a
// registry-admin key, and the mock's principals drive the middleware's balance, debit, rate-limit and
// dependency branches (auth-service.md §3, §9).

// An area is the operation's router tag; the ones the platform team knows by another name get its tag.
const areaTag = (area: string): string[] =>
  area === 'serving' ? ['@serving'] : area.startsWith('mlflow') ? ['@registration'] : ['catalog', 'gateways', 'chat'].includes(area) ? ['@catalog'] : []

function refusalsByArea(contract: Contract): Map<string, Case[]> {
  const areas = new Map<string, Case[]>()
  for (const c of generateCases(contract).cases.filter((k) => /:auth:(none|invalid)$/.test(k.id))) {
    const area = contract.operations.find((o) => o.id === c.operationId)?.tags[0] ?? 'untagged'
    areas.set(area, [...(areas.get(area) ?? []), c])
  }
  return areas
}

for (const file of [HOKUSAI, GATEWAYZ]) {
  const contract = contractFor(file)
  for (const [area, cases] of refusalsByArea(contract)) {
    const ops = [...new Set(cases.map((c) => c.operationId!))].map((id) => operation(file, id))
    const under = commonPathPrefix(ops.map((o) => o.path))
    test(`${contract.title} › ${area}${under ? ` (${under})` : ''}: ${ops.length === 1 ? 'the secured operation refuses' : `all ${ops.length} secured operations refuse`} a missing or invalid key with the documented JSON 401`, {
      tag: ['@auth', '@readonly', ...areaTag(area)],
    }, async ({ sendCase, target }) => {
      // A refused request changes nothing unless the server wrongly accepts it: unsafe ones stay off read-only targets.
      const runnable = cases.filter((c) => !c.mutates || !target.readOnly || target.allowMutations)
      test.skip(runnable.length === 0, `not run: every ${area} operation changes state and target "${target.name}" is read-only`)
      for (const c of runnable) expect.soft(await sendCase(file, c)).toMatchContract()
    })
  }

  const publicCases = generateCases(contract).cases.filter((c, i, all) => {
    const op = contract.operations.find((o) => o.id === c.operationId)
    return c.kind === 'positive' && op?.security.length === 0 && op.safe && all.findIndex((k) => k.operationId === c.operationId) === i
  })
  test(`${contract.title}: all ${publicCases.length} public operations answer without a key`, { tag: ['@auth', '@readonly'] }, async ({ sendCase }) => {
    for (const c of publicCases) {
      const x = await sendCase(file, c)
      expect.soft([401, 403], `security: public operation ${c.operationId} refused a request without a key (${x.response.status} ${x.response.text.slice(0, 80)})`)
        .not.toContain(x.response.status)
    }
  })
}

const infoPath = probePath(operation(HOKUSAI, 'getModelInfo').path, { model_id: '21' })
const searchPath = operation(HOKUSAI, 'searchMlflowExperimentsGet').path

/** Sends, then fails first with the auth-regression words when a request that must be refused was served. */
async function refusedAs(send: (id: string, input: SendInput) => Promise<Exchange>, id: string, input: SendInput, who: string): Promise<Exchange> {
  const x = await send(id, input)
  const bypass = servedDespiteRefusal(id, who, String(input.expect?.[0] ?? '200'), x.response.status)
  expect(bypass, bypass).toBeUndefined()
  expect(x).toMatchContract()
  return x
}

test(`api.hokus.ai refuses GET ${infoPath} without a key with the documented JSON 401`, { tag: ['@smoke', '@auth', '@readonly', '@serving'] }, async ({ send }) => {
  expect(await send('getModelInfo', { path: { model_id: '21' }, auth: 'none', expect: ['401'], name: '401 without credentials' })).toMatchContract()
})

test.describe(`registration: the MLflow registry (GET ${searchPath}) needs a registry-admin key`, { tag: ['@auth', '@registration', '@readonly'] }, () => {
  const search = { query: { max_results: '1' } }
  test('the configured admin key (HOKUSAI_API_KEY) is accepted', async ({ send }) => {
    expect(await send('searchMlflowExperimentsGet', { ...search, credential: 'admin', name: 'accepted with the admin key' })).toMatchContract()
  })
  test('a plain key (HOKUSAI_READONLY_KEY) gets 403 REGISTRY_ADMIN_REQUIRED', async ({ send, target }) => {
    test.skip(!target.credentials.plain, 'not run: HOKUSAI_READONLY_KEY is not set, so there is no plain key to show the registry refuses')
    const input = { ...search, credential: 'plain', expect: ['403'], name: '403 REGISTRY_ADMIN_REQUIRED with a plain key' }
    const x = await refusedAs(send, 'searchMlflowExperimentsGet', input, 'a plain key on a registry path')
    expect(x.response.json, 'the registry gate, not another 403').toMatchObject({ error: 'REGISTRY_ADMIN_REQUIRED' })
  })
  test('mock principals: an mlflow:admin scope without is_admin is accepted, a model:read key is refused', async ({ send, asPrincipal }) => {
    expect(await send('searchMlflowExperimentsGet', { ...search, ...asPrincipal('admin-scope'), name: 'mlflow:admin scope accepted' })).toMatchContract()
    const input = { ...search, ...asPrincipal('reader'), expect: ['403'], name: '403 for a model:read key' }
    const x = await refusedAs(send, 'searchMlflowExperimentsGet', input, 'a model:read key on a registry path')
    expect(x.response.json).toMatchObject({ error: 'REGISTRY_ADMIN_REQUIRED' })
  })
})

// The middleware's branches after validation, one principal each (auth-service.md §9), on a debited route.
const unavailable = /^Authentication service (error|unavailable|timeout)$/
const principals: Array<{ principal: string; status: string; proves: string; body: Record<string, unknown>; retryAfter?: boolean }> = [
  { principal: 'broke', status: '402', proves: 'an insufficient balance gets 402 before the handler', body: { detail: 'Insufficient balance' } },
  { principal: 'debit-reject', status: '402', proves: 'a rejected usage debit gets 402 usage_debit_rejected', body: { error: 'usage_debit_rejected' } },
  { principal: 'no-keyid', status: '200', proves: 'a key without key_id is served without a debit', body: { model_id: '21' } },
  { principal: 'ratelimited', status: '429', proves: 'a rate-limited key gets 429 with Retry-After', body: { detail: 'Rate limit exceeded' }, retryAfter: true },
  // the dependency path: any auth-service failure is a 503 with Retry-After, whichever way it failed
  { principal: 'auth-down', status: '503', proves: 'an auth service failure gets 503 with Retry-After', body: { detail: expect.stringMatching(unavailable) }, retryAfter: true },
  { principal: 'bad-shape', status: '401', proves: 'a non-object validation answer gets the JSON 401', body: { detail: 'Authentication service error' } },
  { principal: 'gatewayz-user', status: '401', proves: 'another platform\'s key gets the JSON 401', body: { detail: 'Invalid or expired API key' } },
]

for (const p of principals) {
  test(`mock principal ${p.principal}: GET ${infoPath}: ${p.proves}`, { tag: ['@auth', '@readonly', '@serving'] }, async ({ send, asPrincipal }) => {
    const input = { path: { model_id: '21' }, ...asPrincipal(p.principal), expect: [p.status], name: `${p.status} for principal ${p.principal}` }
    const x = await refusedAs(send, 'getModelInfo', input, `principal ${p.principal}`)
    expect(x.response.json, `principal ${p.principal}: ${p.proves}`).toMatchObject(p.body)
    if (p.retryAfter) expect(x.response.headers['retry-after'], 'Retry-After in seconds').toMatch(/^\d+$/)
  })
}
