import { normaliseEmail } from '../../core/staff/staffMember';

/**
 * `_id` of everything held once per person (staff record, plan, CPD log): organisation and work email.
 * Lookups by `_id` stay O(1) on every MongoDB-protocol backend, including FerretDB on SQLite, which
 * does not use secondary indexes.
 */
export const personKey = (orgId: string, email: string): string => `${orgId}:${normaliseEmail(email)}`;

/** Splits a list into batches, e.g. for `$in` queries and bulk writes. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** True for the duplicate-key error a unique insert (or an upsert that lost its claim) raises. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
