import type { Exchange } from '../cases/exchange.js'
import type { Check } from '../checks/check.js'
import type { Target } from '../targets/target.js'
import type { ContractRuntime } from './contract-runtime.js'

export interface ExchangeContext {
  runtime: ContractRuntime
  target: Target
  checks: readonly Check[]
}

// Exchanges stay plain data; what the matcher needs to judge one travels beside it.
const contexts = new WeakMap<Exchange, ExchangeContext>()

export function attachContext(x: Exchange, ctx: ExchangeContext): Exchange {
  contexts.set(x, ctx)
  return x
}

export function contextOf(x: Exchange): ExchangeContext | undefined {
  return contexts.get(x)
}
