import type { Operation } from '../contract/contract.js'
import type { RoutedOperation } from './find-shadowing.js'

/** The routing view of contract operations (what findShadowing and the routing doc need). */
export function toRoutedOperations(operations: readonly Operation[]): RoutedOperation[] {
  return operations.map((op) => ({
    operationId: op.id,
    method: op.method,
    path: op.path,
    service: op.service,
    ...(op.via ? { via: op.via } : {}),
    hosts: [...op.hosts],
  }))
}

/** Only the hosts being checked: an imported listener says nothing about the hosts it does not serve. */
export function onHosts(operations: readonly RoutedOperation[], hosts: Record<string, string>): RoutedOperation[] {
  return operations.map((op) => ({ ...op, hosts: op.hosts.filter((h) => h in hosts) })).filter((op) => op.hosts.length > 0)
}
