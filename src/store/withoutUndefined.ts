/**
 * The object without its undefined fields. The driver would otherwise store them as null, and
 * optional fields read back as null instead of absent.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
