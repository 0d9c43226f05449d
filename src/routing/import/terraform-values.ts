// Evaluates the few expression forms listener rules use, in the JSON that @cdktf/hcl2json prints:
// literals, "${var.x}", "${local.x}", resource references ("${aws_lb_target_group.api.arn}") and
// strings that interpolate them. Anything else (functions, conditionals) is reported, not guessed.

export interface TerraformScope {
  variables: Map<string, unknown>
  locals: Map<string, unknown>
  /** a resource reference (`aws_lb_target_group.api`) → what it stands for */
  reference(type: string, name: string, attribute: string): unknown
}

export class UnresolvedExpression extends Error {}

const TRAVERSAL = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/

export function evaluate(value: unknown, scope: TerraformScope, depth = 0): unknown {
  if (typeof value !== 'string' || !value.includes('${')) return value
  const parts = splitTemplate(value)
  if (parts.length === 1 && typeof parts[0] !== 'string') return resolve(parts[0]!.expression, scope, depth)
  return parts.map((p) => (typeof p === 'string' ? p : String(resolve(p.expression, scope, depth)))).join('')
}

function resolve(expression: string, scope: TerraformScope, depth: number): unknown {
  if (depth > 20) throw new UnresolvedExpression(`\${${expression}} refers to itself`)
  if (!TRAVERSAL.test(expression)) throw new UnresolvedExpression(`\${${expression}} is not a plain reference (functions and conditionals are not evaluated)`)
  const [head, name, attribute = ''] = expression.split('.')
  if (head === 'var') {
    if (!scope.variables.has(name!)) throw new UnresolvedExpression(`variable "${name}" has no default and no value in a .tfvars file`)
    return evaluate(scope.variables.get(name!), scope, depth + 1)
  }
  if (head === 'local') {
    if (!scope.locals.has(name!)) throw new UnresolvedExpression(`local "${name}" is not defined`)
    return evaluate(scope.locals.get(name!), scope, depth + 1)
  }
  return scope.reference(head!, name!, attribute)
}

// "a${x}b" → ['a', {expression: 'x'}, 'b']; braces inside an expression are balanced.
function splitTemplate(text: string): Array<string | { expression: string }> {
  const out: Array<string | { expression: string }> = []
  let i = 0
  while (i < text.length) {
    const start = text.indexOf('${', i)
    if (start === -1) { out.push(text.slice(i)); break }
    if (start > i) out.push(text.slice(i, start))
    let depth = 1
    let j = start + 2
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++
      else if (text[j] === '}') depth--
    }
    out.push({ expression: text.slice(start + 2, j - 1).trim() })
    i = j
  }
  return out
}
