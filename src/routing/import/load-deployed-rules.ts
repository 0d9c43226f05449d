import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { RoutingError } from '../routing-error.js'
import { parseRoutingFile, pickRuleSet } from '../rule-set.js'
import { importAwsRules, looksLikeAws } from './aws-rules.js'
import { isObject, type ImportedRules, type Json } from './imported-rules.js'
import { importIngress, looksLikeIngress } from './ingress.js'
import { importTerraform, looksLikeTerraform, readTerraform } from './terraform.js'

/** Imported rules; a routing.yaml also brings its host names (`api` → `api.hokus.ai`). */
export interface DeployedRules extends ImportedRules {
  hosts?: Record<string, string>
}

const FORMATS = 'a routing.yaml, AWS describe-rules/describe-listeners JSON, Terraform (.tf, or a folder of them) or a Kubernetes Ingress'

/**
 * Reads load-balancer rules from what is deployed, detected by content: several AWS JSON files merge
 * (describe-rules of each listener, describe-listeners for the defaults); any other source stands alone.
 * Throws RoutingError naming the file and the place of every problem; nothing is half-applied.
 */
export async function loadDeployedRules(paths: readonly string[], ruleSetName?: string): Promise<DeployedRules> {
  if (paths.length === 0) throw new RoutingError('--rules', ['give a file or folder'])
  const aws: Array<{ file: string; raw: Json }> = []
  const others: DeployedRules[] = []
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => { throw new RoutingError(path, [`cannot read (${error.code ?? error.message})`]) })
    const isTerraform = info.isDirectory() ? (await readdir(path)).some((n) => n.endsWith('.tf')) : extname(path) === '.tf'
    if (isTerraform) { others.push(await loadTerraform(path)); continue }
    if (info.isDirectory()) {
      const jsonFiles = (await readdir(path)).filter((n) => n.endsWith('.json')).sort().map((n) => join(path, n))
      if (jsonFiles.length === 0) throw new RoutingError(path, [`a folder of rules holds .tf files or AWS .json files; found neither (expected ${FORMATS})`])
      for (const file of jsonFiles) aws.push({ file, raw: awsJson(file, await readFile(file, 'utf8')) })
      continue
    }
    const text = await readFile(path, 'utf8')
    if (/^\s*[[{]/.test(text) && extname(path) !== '.yaml' && extname(path) !== '.yml') aws.push({ file: path, raw: awsJson(path, text) })
    else others.push(yamlRules(path, text, ruleSetName))
  }
  if (others.length + (aws.length > 0 ? 1 : 0) > 1) {
    throw new RoutingError(paths.join(', '), ['give one Terraform folder, Ingress file or routing.yaml (several --rules only for AWS JSON files of one load balancer)'])
  }
  if (others[0]) return others[0]
  const problems = new Map<string, string[]>()
  const rules = importAwsRules(aws, problems)
  throwProblems(problems)
  return rules
}

async function loadTerraform(path: string): Promise<DeployedRules> {
  const { files, tfvars, problems } = await readTerraform(path)
  throwProblems(problems)
  if (!looksLikeTerraform(files)) throw new RoutingError(path, ['no aws_lb_listener_rule, aws_alb_listener_rule, aws_lb_listener or aws_alb_listener resource'])
  const imported = importTerraform(path, files, tfvars)
  throwProblems(imported.problems)
  return imported.rules
}

function awsJson(file: string, text: string): Json {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new RoutingError(file, [`not valid JSON: ${(error as Error).message}`])
  }
  if (!looksLikeAws(raw)) throw new RoutingError(file, [`JSON without Rules or Listeners: not an elbv2 describe-rules/describe-listeners answer (expected ${FORMATS})`])
  return raw as Json
}

function yamlRules(file: string, text: string, ruleSetName: string | undefined): DeployedRules {
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : [docs]
  const broken = list.find((d) => d.errors.length > 0)
  if (broken) throw new RoutingError(file, [`not valid YAML: ${broken.errors[0]!.message.split('\n')[0]}`])
  const values = list.map((d) => d.toJS() as unknown)
  if (values.some(looksLikeIngress)) {
    const { rules, problems } = importIngress(values, file)
    if (problems.length > 0) throw new RoutingError(file, problems)
    return rules
  }
  if (values.length === 1 && isObject(values[0]) && 'rule-sets' in values[0]) {
    const set = pickRuleSet(parseRoutingFile(text, file), ruleSetName)
    return { format: 'routing.yaml', source: file, listeners: set.listeners, warnings: [], hosts: set.hosts }
  }
  throw new RoutingError(file, [`neither an Ingress nor a routing.yaml (expected ${FORMATS})`])
}

function throwProblems(problems: Map<string, string[]>): void {
  const [first] = problems
  if (!first) return
  if (problems.size === 1) throw new RoutingError(first[0], first[1])
  throw new RoutingError([...problems.keys()].join(', '), [...problems].flatMap(([file, list]) => list.map((p) => `${file}: ${p}`)))
}
