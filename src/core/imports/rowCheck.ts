import type { FieldResult } from './fields';
import { quote } from './problems';
import { fieldLabel, type ImportRecord } from './tabular';

/** Collects the problems of one row/item, one per field at most, and lists them in field order. */
export interface RowCheck {
  /** Records "row N, <label>: <message>" (label defaults to the field as spelled in the file). */
  report(field: string, message: string, label?: string): void;
  /** Whether a problem was already reported for the field (so later checks can skip it). */
  isBad(field: string): boolean;
  /** The messages, ordered by `fieldOrder` and then by when they were reported. */
  problems(): string[];
  /** The values read so far with `take`, by field. */
  readonly candidate: Record<string, unknown>;
  /** Reports "is required" for each of `fields` the record lacks. */
  requireFields(fields: readonly string[]): void;
  /** Reads a field into `candidate` when present, or reports why it cannot be read. */
  take<T>(field: string, read: (value: unknown) => FieldResult<T>, post?: (value: T) => T): void;
  /** Reports a value an earlier record of the same file already used; otherwise remembers it. */
  unique(field: string, seen: Map<string, string>): void;
}

export function createRowCheck(record: ImportRecord, fieldOrder: readonly string[]): RowCheck {
  const found: { field: string; message: string }[] = [];
  const bad = new Set<string>();
  const orderOf = (field: string): number => {
    const index = fieldOrder.indexOf(field);
    return index < 0 ? fieldOrder.length : index;
  };
  const candidate: Record<string, unknown> = {};
  const check: RowCheck = {
    candidate,
    report(field, message, label) {
      bad.add(field);
      found.push({ field, message: `${record.location}, ${label ?? fieldLabel(record, field)}: ${message}` });
    },
    isBad: (field) => bad.has(field),
    problems: () =>
      found
        .map((entry, index) => ({ entry, index, order: orderOf(entry.field) }))
        .sort((a, b) => a.order - b.order || a.index - b.index)
        .map(({ entry }) => entry.message),
    requireFields(fields) {
      for (const field of fields) if (record.values[field] === undefined) check.report(field, 'is required');
    },
    take(field, read, post) {
      const raw = record.values[field];
      if (raw === undefined) return;
      const result = read(raw);
      if (!result.ok) check.report(field, result.problem);
      else candidate[field] = post ? post(result.value) : result.value;
    },
    unique(field, seen) {
      const value = candidate[field];
      if (typeof value !== 'string' || check.isBad(field)) return;
      const first = seen.get(value);
      if (first !== undefined) check.report(field, `duplicate ${field} ${quote(value)} (first seen in ${first})`);
      else seen.set(value, record.location);
    },
  };
  return check;
}
