// MLflow's ViewType for experiments/search and runs/search. Its protobuf parsing ignores unknown enum
// names, so any other name (or none) is ACTIVE_ONLY. A Map, not an object: a name such as `valueOf`
// must not find Object.prototype (a generated input found that).
const VIEW_TYPES = new Map<string, (stage: string) => boolean>([
  ['ACTIVE_ONLY', (stage) => stage === 'active'],
  ['DELETED_ONLY', (stage) => stage === 'deleted'],
  ['ALL', () => true],
])

/** Whether an entity with this lifecycle stage is in the named view. */
export function inView(name: string | undefined): (entity: { lifecycleStage: string }) => boolean {
  const keep = VIEW_TYPES.get(name ?? '') ?? VIEW_TYPES.get('ACTIVE_ONLY')!
  return (entity) => keep(entity.lifecycleStage)
}
