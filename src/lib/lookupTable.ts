/**
 * A frozen table with no prototype, for looking user text up: `table['constructor']` is undefined
 * rather than `Object.prototype.constructor`.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
